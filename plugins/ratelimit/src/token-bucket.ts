/**
 * A token bucket of `limit` units per minute in exact integer arithmetic (the same as
 * rate-limit-scripts.ts runs in Redis). One unit is stored as UNIT (60,000) so that refilling
 * `limit` units per 60,000 ms is `limit` stored units per millisecond: no fractions, no drift,
 * and the boundaries fall on exact milliseconds.
 *
 * The state is what is used up (`used`, 0 = full bucket) at a time (`at`); it drains at
 * `limit` per ms. A bucket may be in debt (`used` above capacity) when a request used more
 * tokens than it reserved: later requests wait until the debt has drained.
 */
export const UNIT = 60_000

export interface BucketUse {
  used: number
  at: number
}

/** What is used up at `now`. */
export function drain(state: BucketUse | undefined, now: number, limit: number): number {
  if (!state) return 0
  return Math.max(0, state.used - Math.max(0, now - state.at) * limit)
}

/** Milliseconds until `cost` units fit (0 = now). */
export function waitFor(used: number, cost: number, limit: number): number {
  const excess = used + cost * UNIT - limit * UNIT
  return excess > 0 ? Math.ceil(excess / limit) : 0
}

/** Whole units left. */
export const remainingUnits = (used: number, limit: number) => Math.max(0, Math.floor((limit * UNIT - used) / UNIT))

/** Milliseconds until the bucket is full again. */
export const fullInMs = (used: number, limit: number) => Math.ceil(used / limit)

/** `used` after `delta` more units (fewer when negative; never below empty). */
export const adjusted = (used: number, delta: number) => Math.max(0, used + delta * UNIT)
