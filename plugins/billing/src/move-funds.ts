import { GatewayError, type BalanceFigures, type LedgerEntryRecord, type Store } from '@tollgate/core'

export interface Movement {
  entry: LedgerEntryRecord
  figures: BalanceFigures
  /** The same idempotency key was used before: this is that top-up, not a new one. */
  replayed?: boolean
}

interface MoveRequest {
  accountId: string
  note?: string
  /** `master`, `cli`, or the id of the admin key. */
  createdBy: string
}

const noAccount = (id: string) => new GatewayError({ status: 404, code: 'account_not_found', message: `No account '${id}'` })

/**
 * Top up an account: the balance grows by `amountMicros` (> 0) and a `credit` entry records who
 * did it. With an idempotency key, repeating the same top-up returns the first one instead of
 * crediting twice.
 */
export async function creditAccount(store: Store, request: MoveRequest & { amountMicros: number; idempotencyKey?: string }): Promise<Movement> {
  return store.transaction(async (repositories) => {
    if (request.idempotencyKey !== undefined) {
      const entry = await repositories.ledger.find(request.accountId, 'credit', request.idempotencyKey)
      if (entry) return { entry, figures: (await repositories.balances.get(request.accountId))!, replayed: true }
    }
    const figures = await repositories.balances.adjust(request.accountId, request.amountMicros)
    if (!figures) throw noAccount(request.accountId)
    const entry = await repositories.ledger.append({
      accountId: request.accountId,
      type: 'credit',
      amountMicros: request.amountMicros,
      reservedMicros: 0,
      balanceAfterMicros: figures.balanceMicros,
      reservedAfterMicros: figures.reservedMicros,
      requestId: request.idempotencyKey ?? null,
      keyId: null,
      priceVersion: null,
      note: request.note ?? null,
      createdBy: request.createdBy,
    })
    if (!entry) throw new GatewayError({ status: 409, code: 'duplicate_top_up', message: 'A top-up with this Idempotency-Key is being applied' })
    return { entry, figures }
  })
}

/** A manual correction, either way; a debit never takes the balance below what requests in flight hold. */
export async function adjustAccount(store: Store, request: MoveRequest & { amountMicros: number }): Promise<Movement> {
  return store.transaction(async (repositories) => {
    const figures = await repositories.balances.adjust(request.accountId, request.amountMicros)
    if (!figures) {
      if (!(await repositories.balances.get(request.accountId))) throw noAccount(request.accountId)
      throw new GatewayError({ status: 400, param: 'amount', code: 'insufficient_balance', message: 'The debit is larger than the money available (balance minus what requests in flight hold)' })
    }
    const entry = await repositories.ledger.append({
      accountId: request.accountId,
      type: 'adjustment',
      amountMicros: request.amountMicros,
      reservedMicros: 0,
      balanceAfterMicros: figures.balanceMicros,
      reservedAfterMicros: figures.reservedMicros,
      requestId: null,
      keyId: null,
      priceVersion: null,
      note: request.note ?? null,
      createdBy: request.createdBy,
    })
    return { entry: entry!, figures }
  })
}

/**
 * Give back what a request was charged (all of it, or `amountMicros` of it), once per request;
 * the key's spend goes down by as much.
 */
export async function refundRequest(store: Store, request: MoveRequest & { requestId: string; amountMicros?: number }): Promise<Movement> {
  return store.transaction(async (repositories) => {
    const settle = await repositories.ledger.find(request.accountId, 'settle', request.requestId)
    if (!settle) {
      if (!(await repositories.balances.get(request.accountId))) throw noAccount(request.accountId)
      throw new GatewayError({ status: 404, param: 'request_id', code: 'charge_not_found', message: `The account was not charged for request '${request.requestId}'` })
    }
    const charged = -settle.amountMicros
    const amount = request.amountMicros ?? charged
    if (amount <= 0 || amount > charged) {
      throw new GatewayError({ status: 400, param: 'amount', code: 'invalid_refund', message: `A refund of request '${request.requestId}' must be more than 0 and at most what it was charged (${charged} µUSD)` })
    }
    if (await repositories.ledger.find(request.accountId, 'refund', request.requestId)) {
      throw new GatewayError({ status: 409, param: 'request_id', code: 'already_refunded', message: `Request '${request.requestId}' was already refunded` })
    }
    const figures = (await repositories.balances.adjust(request.accountId, amount))!
    if (settle.keyId !== null) await repositories.keySpend.refund(settle.keyId, amount)
    const entry = await repositories.ledger.append({
      accountId: request.accountId,
      type: 'refund',
      amountMicros: amount,
      reservedMicros: 0,
      balanceAfterMicros: figures.balanceMicros,
      reservedAfterMicros: figures.reservedMicros,
      requestId: request.requestId,
      keyId: settle.keyId,
      priceVersion: settle.priceVersion,
      note: request.note ?? null,
      createdBy: request.createdBy,
    })
    if (!entry) throw new GatewayError({ status: 409, param: 'request_id', code: 'already_refunded', message: `Request '${request.requestId}' was already refunded` })
    return { entry, figures }
  })
}
