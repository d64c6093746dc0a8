import { expect, test } from 'bun:test'
import { manualClock } from '../test-support/rate-limit-store-contract'
import { createLeaseRenewer } from './lease-renewer'
import { createMemoryRateLimitStore } from './memory-rate-limit-store'
import { createDirectLimiter } from './resilient-rate-limit-store'

test("running requests' slots are renewed in one call per store; released ones are not", async () => {
  const time = manualClock()
  const store = createMemoryRateLimitStore({ clock: time.clock, leaseMs: 1000 })
  const renewer = createLeaseRenewer(createDirectLimiter(store), 1000)
  const slots = { kind: 'concurrency' as const, id: 'slots', limit: 2, cost: 1 }
  await store.reserve({ requestId: 'long', checks: [slots] })
  await store.reserve({ requestId: 'short', checks: [slots] })
  renewer.hold('long', { store, ids: ['slots'] })
  renewer.hold('short', { store, ids: ['slots'] })
  renewer.hold('no-slots', { store, ids: [] })
  expect(renewer.size).toBe(2)
  renewer.release('short')
  time.advance(900)
  await renewer.renewAll()
  time.advance(100)
  // `short` expired at 1000 ms; `long` holds until 1900 ms.
  expect(await store.peek([slots])).toEqual([{ limit: 2, remaining: 1, resetMs: 0 }])
})
