/**
 * Where the counters live: this process (`createMemoryRateLimitStore`) or Redis
 * (`createRedisRateLimitStore`). Both implement the same operations with the same arithmetic
 * and pass the same contract suite (test-support/rate-limit-store-contract.ts).
 */

/**
 * One bucket to check. `rate`: a token bucket of `limit` units per minute (requests or tokens),
 * refilled continuously, from which `cost` units are taken. `concurrency`: at most `limit`
 * requests hold a slot (a lease) at once.
 */
export interface BucketCheck {
  kind: 'rate' | 'concurrency'
  /** Store key, e.g. `key:key_123:requests`. */
  id: string
  limit: number
  /** Units to take (rate buckets; at most `limit`). */
  cost: number
}

/** A bucket after the operation (or as it stands, when refused). */
export interface BucketState {
  limit: number
  /** Whole units left (requests, tokens or free slots). */
  remaining: number
  /** Milliseconds until the bucket is full again (0 for concurrency). */
  resetMs: number
}

export interface Reservation {
  /** Every bucket had room: the costs are taken and the slots held. Otherwise nothing changed. */
  allowed: boolean
  /** Milliseconds to wait before the refused request could pass (0 when allowed). */
  retryAfterMs: number
  /** Indexes of the checks that refused. */
  refused: number[]
  /** One state per check, in order. */
  states: BucketState[]
}

export interface ReserveRequest {
  /** Unique per request: the member of its concurrency slots. */
  requestId: string
  checks: BucketCheck[]
}

/** What a finished request gives back: actual usage against the reserved estimate, and its slots. */
export interface Settlement {
  requestId: string
  /** Rate buckets to correct: `delta` units more (or fewer, when negative) than reserved. */
  adjustments: Array<{ id: string; limit: number; delta: number }>
  /** Concurrency buckets whose slot this request releases. */
  releases: string[]
}

export interface RateLimitStore {
  readonly kind: 'memory' | 'redis'
  /** Check every bucket and, only when all have room, take from all of them at once (atomic). */
  reserve(request: ReserveRequest): Promise<Reservation>
  /** Apply a finished request's settlement (atomic). */
  settle(settlement: Settlement): Promise<void>
  /** Extend the slots of requests still running. */
  renew(leases: Array<{ id: string; requestId: string }>): Promise<void>
  /** The buckets' states without taking anything (admin views, the CLI). */
  peek(checks: BucketCheck[]): Promise<BucketState[]>
}
