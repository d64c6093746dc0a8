import type { ReservationRecord, Store } from '@tollgate/core'

export interface ReserveRequest {
  /** The request id: the reservation's idempotency key. */
  requestId: string
  accountId: string
  keyId?: string
  /** The worst case the request may cost, micro-USD. */
  amountMicros: number
  /** The available money (`balance − reserved`) the account must have for the hold: amount + the plan's minimum. */
  thresholdMicros: number
  /** The key's spend limit, micro-USD. */
  keyLimitMicros?: number
  priceVersion: string | null
}

export type ReserveResult =
  | { reserved: true; reservation: ReservationRecord }
  | { reserved: false; reason: 'insufficient_balance' | 'spend_limit_exceeded' }

class Duplicate extends Error {}

class Refused extends Error {
  constructor(readonly reason: 'insufficient_balance' | 'spend_limit_exceeded') {
    super(reason)
  }
}

/**
 * Hold a request's worst-case cost, atomically, in one transaction: against the account
 * (`balance − reserved ≥ threshold`, one conditional UPDATE), then against the key's spend limit
 * (`spent + reserved + amount ≤ limit`), then the reservation row (keyed by the request id) and
 * its `reserve` ledger entry. Any refusal rolls the whole transaction back. A request that already
 * holds a reservation gets it back unchanged: a retry can never hold (or be charged) twice.
 */
export async function reserveFunds(store: Store, request: ReserveRequest): Promise<ReserveResult> {
  try {
    return await store.transaction(async (repositories) => {
      const existing = await repositories.reservations.get(request.requestId)
      if (existing) return { reserved: true, reservation: existing }
      const figures = await repositories.balances.hold(request.accountId, request.amountMicros, request.thresholdMicros)
      if (!figures) throw new Refused('insufficient_balance')
      if (request.keyId !== undefined) {
        const spend = await repositories.keySpend.hold(request.keyId, request.accountId, request.amountMicros, request.keyLimitMicros)
        if (!spend) throw new Refused('spend_limit_exceeded')
      }
      const reservation = await repositories.reservations.create({
        id: request.requestId,
        accountId: request.accountId,
        keyId: request.keyId ?? null,
        amountMicros: request.amountMicros,
        priceVersion: request.priceVersion,
      })
      // Reserved concurrently by another transaction with the same id: this one's hold rolls back.
      if (!reservation) throw new Duplicate()
      await repositories.ledger.append({
        accountId: request.accountId,
        type: 'reserve',
        amountMicros: 0,
        reservedMicros: request.amountMicros,
        balanceAfterMicros: figures.balanceMicros,
        reservedAfterMicros: figures.reservedMicros,
        requestId: request.requestId,
        keyId: request.keyId ?? null,
        priceVersion: request.priceVersion,
        note: null,
        createdBy: 'gateway',
      })
      return { reserved: true as const, reservation }
    })
  } catch (error) {
    if (error instanceof Refused) return { reserved: false, reason: error.reason }
    if (error instanceof Duplicate) return { reserved: true, reservation: (await store.reservations.get(request.requestId))! }
    throw error
  }
}
