import { expect, test } from 'bun:test'
import { manualClock, runRateLimitStoreContract } from '../test-support/rate-limit-store-contract'
import { createMemoryRateLimitStore } from './memory-rate-limit-store'

runRateLimitStoreContract('memory', (options) => createMemoryRateLimitStore(options))

test('drained buckets and expired slots are swept, so idle keys do not accumulate', async () => {
  const { clock, advance } = manualClock()
  const store = createMemoryRateLimitStore({ clock, leaseMs: 1000, sweepMs: 60_000 })
  for (let key = 0; key < 100; key++) {
    await store.reserve({ requestId: `r${key}`, checks: [{ kind: 'rate', id: `k${key}`, limit: 60, cost: 1 }, { kind: 'concurrency', id: `s${key}`, limit: 1, cost: 1 }] })
  }
  expect(store.sizes()).toEqual({ buckets: 100, slotSets: 100 })
  advance(60_000)
  await store.reserve({ requestId: 'late', checks: [] })
  expect(store.sizes()).toEqual({ buckets: 0, slotSets: 0 })
})
