import { acquirePermit, closedBreaker, recordResult, type BreakerState, type Permit } from './circuit-breaker'
import type { BreakerPolicy, Clock } from './routing-options'

/** A state change of one breaker and what it returns to the caller. */
export type BreakerTransition<T> = (breaker: BreakerState) => { breaker: BreakerState; result: T }

/** Where breakers live: this process only, or Redis (shared by every gateway instance). */
export interface BreakerStore {
  /** Ask to send an attempt to the deployment (may turn an open breaker half-open and lend the probe). */
  acquire(id: string): Promise<Permit>
  /** Record an attempt's result; resolves with the new state. Never rejects. */
  record(id: string, success: boolean): Promise<BreakerState>
  /** The last state this instance knows, without a round trip (for ordering candidates). */
  peek(id: string): BreakerState
  /** The authoritative state (admin view). */
  read(id: string): Promise<BreakerState>
}

export const acquireTransition = (now: number, policy: BreakerPolicy): BreakerTransition<Permit> => (breaker) => {
  const { breaker: next, permit } = acquirePermit(breaker, now, policy)
  return { breaker: next, result: permit }
}

export const recordTransition = (success: boolean, now: number, policy: BreakerPolicy): BreakerTransition<BreakerState> => (breaker) => {
  const next = recordResult(breaker, success, now, policy)
  return { breaker: next, result: next }
}

/** Breakers in this process's memory. */
export function createLocalBreakerStore(policy: BreakerPolicy, clock: Clock) {
  const breakers = new Map<string, BreakerState>()

  function update<T>(id: string, transition: BreakerTransition<T>): T {
    const { breaker, result } = transition(breakers.get(id) ?? closedBreaker())
    breakers.set(id, breaker)
    return result
  }

  return {
    update,
    /** Start from a known state when this store takes over (e.g. while Redis is away). */
    seed(id: string, breaker: BreakerState) {
      if (!breakers.has(id)) breakers.set(id, breaker)
    },
    acquire: async (id: string) => update(id, acquireTransition(clock.now(), policy)),
    record: async (id: string, success: boolean) => update(id, recordTransition(success, clock.now(), policy)),
    peek: (id: string) => breakers.get(id) ?? closedBreaker(),
    read: async (id: string) => breakers.get(id) ?? closedBreaker(),
  } satisfies BreakerStore & Record<string, unknown>
}

export type LocalBreakerStore = ReturnType<typeof createLocalBreakerStore>
