import { expect, test } from 'bun:test'
import type { UsageRecord } from '@tollgate/core'
import { createUsageRecorder } from './usage-recorder'

const record = (id: string) => ({ id }) as UsageRecord

test('records wait for the batch size (or the timer), are written in order, and stop() writes what is left', async () => {
  const written: string[][] = []
  const recorder = createUsageRecorder({ write: async (records) => written.push(records.map((entry) => entry.id)), flushMs: 60_000, batchSize: 3, logger: { warn() {} } })
  recorder.start()
  recorder.add(record('a'))
  recorder.add(record('b'))
  expect(written).toEqual([])
  recorder.add(record('c'))
  await Bun.sleep(0)
  expect(written).toEqual([['a', 'b', 'c']])
  recorder.add(record('d'))
  await recorder.flush()
  expect(written).toEqual([['a', 'b', 'c'], ['d']])
  recorder.add(record('e'))
  await recorder.stop()
  expect(written.flat()).toEqual(['a', 'b', 'c', 'd', 'e'])
  expect(recorder.pending).toBe(0)
})

test('a failed write keeps the batch for the next flush: nothing is lost while the store is away', async () => {
  const written: string[] = []
  const warnings: string[] = []
  let failing = true
  const recorder = createUsageRecorder({
    write: async (records) => {
      if (failing) throw new Error('database is down')
      written.push(...records.map((entry) => entry.id))
    },
    flushMs: 60_000,
    batchSize: 100,
    logger: { warn: (message) => warnings.push(message) },
  })
  recorder.add(record('a'))
  await recorder.flush()
  recorder.add(record('b'))
  expect(recorder.pending).toBe(2)
  expect(warnings[0]).toContain('database is down')
  failing = false
  await recorder.stop()
  expect(written).toEqual(['a', 'b'])
})
