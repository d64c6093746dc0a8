import type { RateLimitStore } from './rate-limit-store'
import type { Limiter } from './resilient-rate-limit-store'

interface HeldSlots {
  store: RateLimitStore
  ids: string[]
}

/**
 * Keeps the concurrency slots of running requests alive: every third of the lease, one call
 * per store extends all of this instance's slots. A crashed instance stops renewing, so its
 * slots expire and come back to everyone.
 */
export function createLeaseRenewer(limiter: Limiter, leaseMs: number) {
  const held = new Map<string, HeldSlots>()
  let timer: ReturnType<typeof setInterval> | undefined

  async function renewAll() {
    const byStore = new Map<RateLimitStore, Array<{ id: string; requestId: string }>>()
    for (const [requestId, { store, ids }] of held) {
      const leases = byStore.get(store) ?? []
      for (const id of ids) leases.push({ id, requestId })
      byStore.set(store, leases)
    }
    for (const [store, leases] of byStore) await limiter.renew(store, leases)
  }

  return {
    hold(requestId: string, slots: HeldSlots) {
      if (slots.ids.length > 0) held.set(requestId, slots)
    },
    release(requestId: string) {
      held.delete(requestId)
    },
    /** How many requests hold slots on this instance. */
    get size() {
      return held.size
    },
    renewAll,
    start() {
      timer ??= setInterval(() => void renewAll(), Math.max(10, Math.floor(leaseMs / 3)))
      ;(timer as { unref?: () => void }).unref?.()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}
