import type { Store } from '@tollgate/core'
import type { Invalidation } from './invalidation-channel'

/** What the keys plugin's routes and hooks share once the gateway has started. */
export interface KeysRuntime {
  store(): Promise<Store>
  /** Drop cached keys on this instance at once, and on the others through Redis. */
  invalidate(invalidation: Invalidation): Promise<void>
  /** A last use not yet written to the store. */
  pendingLastUsed(keyId: string): Date | undefined
}
