import { expect, test } from 'bun:test'
import { createLastUsedRecorder } from './last-used-recorder'

const silent = { warn() {} }

test('many uses become one write per key with the latest time', async () => {
  const writes: Array<Array<[string, Date]>> = []
  const recorder = createLastUsedRecorder({ write: async (entries) => void writes.push(entries), intervalMs: 60_000, logger: silent })
  recorder.record('key_a', 1_000)
  recorder.record('key_b', 1_500)
  recorder.record('key_a', 2_000)
  expect(recorder.pendingFor('key_a')).toEqual(new Date(2_000))
  await recorder.flush()
  expect(writes).toEqual([
    [
      ['key_a', new Date(2_000)],
      ['key_b', new Date(1_500)],
    ],
  ])
  expect(recorder.pendingFor('key_a')).toBeUndefined()
  await recorder.flush()
  expect(writes).toHaveLength(1)
})

test('a failed write is retried with the next batch; newer uses win', async () => {
  const writes: Array<Array<[string, Date]>> = []
  let fail = true
  const warnings: string[] = []
  const recorder = createLastUsedRecorder({
    write: async (entries) => {
      if (fail) throw new Error('database down')
      writes.push(entries)
    },
    intervalMs: 60_000,
    logger: { warn: (message: string) => void warnings.push(message) },
  })
  recorder.record('key_a', 1_000)
  recorder.record('key_b', 1_000)
  await recorder.flush()
  expect(warnings[0]).toContain('database down')
  recorder.record('key_a', 3_000)
  fail = false
  await recorder.stop()
  expect(writes).toEqual([
    [
      ['key_a', new Date(3_000)],
      ['key_b', new Date(1_000)],
    ],
  ])
})
