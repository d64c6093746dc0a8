/**
 * What the billing tables keep, as plain records (camelCase, Dates, integer micro-USD). Both
 * dialect schemas infer exactly these shapes (checked in billing-records.test.ts).
 */

/** Every way money moves: top-ups, request holds and their settlement, refunds, manual fixes. */
export type LedgerEntryType = 'credit' | 'reserve' | 'settle' | 'release' | 'refund' | 'adjustment'

/**
 * One append-only ledger line. `amountMicros` is the change to the account's balance and
 * `reservedMicros` the change to its held money; the account's figures are always the sums of
 * its entries, and each entry records them as they were right after it.
 */
export interface LedgerEntryRecord {
  id: string
  accountId: string
  type: LedgerEntryType
  /** Change to the balance (signed micro-USD): + credit/refund, − settle, ± adjustment, 0 for holds. */
  amountMicros: number
  /** Change to the held money (signed micro-USD): + reserve, − settle/release. */
  reservedMicros: number
  balanceAfterMicros: number
  reservedAfterMicros: number
  /** The request (reserve/settle/release/refund), or the idempotency key of a top-up. */
  requestId: string | null
  keyId: string | null
  /** The price catalogue version a settle or reserve used. */
  priceVersion: string | null
  note: string | null
  /** Who did it: `master`, `cli`, the id of an admin key, or `gateway` for request holds. */
  createdBy: string | null
  createdAt: Date
}

export type NewLedgerEntry = Omit<LedgerEntryRecord, 'id' | 'createdAt'>

/** A reservation's life: held at admission, then settled or released (or expired when its instance died). */
export type ReservationStatus = 'held' | 'settled' | 'released' | 'expired'

/** Money held for one request; its id is the request id, so one request can never hold (or be charged) twice. */
export interface ReservationRecord {
  id: string
  accountId: string
  keyId: string | null
  amountMicros: number
  status: ReservationStatus
  priceVersion: string | null
  /** What was finally charged (settled reservations). */
  chargedMicros: number | null
  createdAt: Date
  /** Last heartbeat of the instance serving the request (stale holds expire). */
  updatedAt: Date
}

export type NewReservation = Pick<ReservationRecord, 'id' | 'accountId' | 'keyId' | 'amountMicros' | 'priceVersion'>

/** What one key has spent and holds, against its spend limit. */
export interface KeySpendRecord {
  keyId: string
  accountId: string
  spentMicros: number
  reservedMicros: number
  updatedAt: Date
}

/** One inference request as billed: who, what, how many tokens of each kind, what it cost, how it went. */
export interface UsageRecord {
  /** The request id (`x-request-id`). */
  id: string
  accountId: string | null
  keyId: string | null
  projectId: string | null
  /** Inbound dialect: `openai-chat`, `anthropic-messages`, ... */
  dialect: string
  /** The model the client asked for. */
  model: string
  /** `provider/model` that served the request. */
  servedModel: string | null
  provider: string | null
  inputTokens: number
  inputNoCacheTokens: number
  inputCacheReadTokens: number
  inputCacheWriteTokens: number
  outputTokens: number
  outputTextTokens: number
  outputReasoningTokens: number
  /** The usage was counted by the gateway (the upstream's final figure never came: abort, cut stream). */
  estimated: boolean
  /** The price of the usage, micro-USD. */
  costMicros: number
  /** What the account was charged (less than the cost only when the balance ran out mid-request). */
  chargedMicros: number
  priceVersion: string | null
  latencyMs: number
  timeToFirstTokenMs: number | null
  /** HTTP status sent to the client. */
  status: number
  outcome: 'ok' | 'error' | 'cancelled'
  errorCode: string | null
  streamed: boolean
  /** Upstream attempts (retries and fallbacks included). */
  attempts: number
  createdAt: Date
}
