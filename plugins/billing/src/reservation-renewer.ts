import type { Store } from '@tollgate/core'
import { releaseReservation } from './close-reservation'

/** Stale holds expired per sweep query. */
const SWEEP_PAGE = 100

export interface ReservationRenewerOptions {
  store(): Promise<Store>
  /** How often this instance renews its holds and sweeps stale ones. */
  intervalMs: number
  /** A hold not renewed for this long belongs to a dead instance and is released. */
  timeoutMs: number
  logger: Pick<Console, 'info' | 'warn'>
}

/**
 * Keeps this instance's reservations alive and releases those of dead instances. Every
 * `intervalMs` the holds of requests in flight here are renewed (one UPDATE), then held
 * reservations nobody renewed for `timeoutMs` are expired — never one of ours. A crashed or
 * killed instance's holds are thus given back within `timeoutMs` (and at the next start); a
 * request that was in fact still alive can still settle, from the balance, and is charged once.
 */
export function createReservationRenewer(options: ReservationRenewerOptions) {
  const held = new Set<string>()
  let timer: ReturnType<typeof setInterval> | undefined
  let running: Promise<void> | undefined

  async function sweep(): Promise<number> {
    const store = await options.store()
    let expired = 0
    for (;;) {
      const stale = (await store.reservations.listStale(new Date(Date.now() - options.timeoutMs), SWEEP_PAGE)).filter((reservation) => !held.has(reservation.id))
      for (const reservation of stale) if (await releaseReservation(store, reservation.id, { expired: true })) expired++
      if (stale.length < SWEEP_PAGE) break
    }
    if (expired > 0) options.logger.warn(`[tollgate] billing: released ${expired} reservation${expired === 1 ? '' : 's'} left by a stopped instance`)
    return expired
  }

  async function tick() {
    try {
      if (held.size > 0) await (await options.store()).reservations.touch([...held])
      await sweep()
    } catch (error) {
      options.logger.warn(`[tollgate] billing: renewing reservations failed: ${(error as Error).message}`)
    }
  }

  return {
    /** A request of this instance holds money. */
    hold: (requestId: string) => void held.add(requestId),
    release: (requestId: string) => void held.delete(requestId),
    get size() {
      return held.size
    },
    /** Release stale holds now (at start), then keep renewing every `intervalMs`. */
    async start() {
      await sweep()
      timer = setInterval(() => void (running ??= tick().finally(() => (running = undefined))), options.intervalMs)
      ;(timer as { unref?: () => void }).unref?.()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await running
    },
    sweep,
  }
}
