import type { ReservationRecord, Repositories, Store } from '@tollgate/core'

/** Attempts at a settle whose balance guard lost a race (PostgreSQL only; SQLite transactions are serial). */
const SETTLE_ATTEMPTS = 20

export interface SettleResult {
  /** What the account was charged, micro-USD (0 when the request was not ours to settle). */
  chargedMicros: number
  /** This call settled the reservation (false: it was settled or released before). */
  settled: boolean
}

/**
 * Settle a request: charge its actual cost and release the rest of its hold, once. The
 * reservation is claimed first (a conditional status change, which also locks its row), so a
 * second settle, a release or a sweep of the same request finds nothing to do. The charge never
 * takes the account below what its other holds need, nor the key past its spend limit: a
 * request that cost more than its worst-case estimate is charged what is left (and the record
 * keeps the full cost). A reservation that expired (its instance stopped renewing it) is still
 * charged, from the balance, since its hold was already given back.
 */
export async function settleReservation(store: Store, request: { requestId: string; costMicros: number; priceVersion: string | null; keyLimitMicros?: number }): Promise<SettleResult> {
  return store.transaction(async (repositories) => {
    const reservation = await repositories.reservations.get(request.requestId)
    if (!reservation || (reservation.status !== 'held' && reservation.status !== 'expired')) return { chargedMicros: 0, settled: false }
    const claimed = await repositories.reservations.transition(reservation.id, [reservation.status], 'settled')
    if (!claimed) return { chargedMicros: 0, settled: false }
    const held = reservation.status === 'held' ? reservation.amountMicros : 0
    const { figures, charge } = await chargeAccount(repositories, reservation, held, request)
    await repositories.reservations.transition(reservation.id, ['settled'], 'settled', { chargedMicros: charge })
    if (reservation.keyId !== null) await repositories.keySpend.settle(reservation.keyId, held, charge)
    await repositories.ledger.append({
      accountId: reservation.accountId,
      type: 'settle',
      amountMicros: -charge,
      reservedMicros: -held,
      balanceAfterMicros: figures.balanceMicros,
      reservedAfterMicros: figures.reservedMicros,
      requestId: reservation.id,
      keyId: reservation.keyId,
      priceVersion: request.priceVersion,
      note: charge < request.costMicros ? `cost ${request.costMicros} µUSD exceeded the money available; charged ${charge}` : null,
      createdBy: 'gateway',
    })
    return { chargedMicros: charge, settled: true }
  })
}

async function chargeAccount(repositories: Repositories, reservation: ReservationRecord, held: number, request: { costMicros: number; keyLimitMicros?: number }) {
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
    const account = await repositories.balances.get(reservation.accountId)
    if (!account) throw new Error(`Account ${reservation.accountId} of reservation ${reservation.id} is gone`)
    let charge = Math.min(request.costMicros, account.balanceMicros - account.reservedMicros + held)
    if (reservation.keyId !== null && request.keyLimitMicros !== undefined) {
      const spend = await repositories.keySpend.get(reservation.keyId)
      if (spend) charge = Math.min(charge, request.keyLimitMicros - spend.spentMicros - spend.reservedMicros + held)
    }
    charge = Math.max(0, charge)
    const figures = await repositories.balances.settle(reservation.accountId, held, charge)
    if (figures) return { figures, charge }
  }
  throw new Error(`Could not settle reservation ${reservation.id}: the balance kept changing`)
}

/**
 * Give a request's whole hold back, once (a request that failed before producing anything is
 * never charged). `expired`: the sweep of a dead instance's holds, which the request may still
 * settle later if it was in fact alive.
 */
export async function releaseReservation(store: Store, requestId: string, options: { expired?: boolean } = {}): Promise<boolean> {
  return store.transaction(async (repositories) => {
    const reservation = await repositories.reservations.transition(requestId, ['held'], options.expired ? 'expired' : 'released')
    if (!reservation) return false
    const figures = await repositories.balances.release(reservation.accountId, reservation.amountMicros)
    if (!figures) throw new Error(`Account ${reservation.accountId} of reservation ${reservation.id} is gone`)
    if (reservation.keyId !== null) await repositories.keySpend.release(reservation.keyId, reservation.amountMicros)
    await repositories.ledger.append({
      accountId: reservation.accountId,
      type: 'release',
      amountMicros: 0,
      reservedMicros: -reservation.amountMicros,
      balanceAfterMicros: figures.balanceMicros,
      reservedAfterMicros: figures.reservedMicros,
      requestId: reservation.id,
      keyId: reservation.keyId,
      priceVersion: reservation.priceVersion,
      note: options.expired ? 'expired: the instance serving the request stopped renewing it' : null,
      createdBy: 'gateway',
    })
    return true
  })
}
