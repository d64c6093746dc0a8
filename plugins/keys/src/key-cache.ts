import type { Principal } from '@tollgate/core'

/** What the authenticate hook needs about a key, without a database read. */
export interface CachedKey {
  principal: Principal
  keyId: string
  accountId: string
  type: 'private' | 'public'
  /** Unix ms, or undefined for keys that never expire. */
  expiresAt?: number
  revoked: boolean
  accountSuspended: boolean
}

export interface KeyCacheOptions {
  /** How long a key read from the store is trusted. @default 10_000 */
  ttlMs?: number
  /** How long an unknown key is remembered as unknown. @default 10_000 */
  negativeTtlMs?: number
  /** Known keys kept at most (oldest dropped first). @default 100_000 */
  maxEntries?: number
  /** Unknown keys remembered at most (a flood of random keys cannot grow memory). @default 10_000 */
  maxNegativeEntries?: number
}

/**
 * In-process cache of authenticated keys, by key hash, with a short TTL and a negative cache
 * for unknown keys. Revocations evict at once (`evictKey`, `evictAccount`), and bump a
 * generation so a lookup that started before the eviction cannot put the stale key back.
 */
export function createKeyCache(options: KeyCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? 10_000
  const negativeTtlMs = options.negativeTtlMs ?? 10_000
  const maxEntries = options.maxEntries ?? 100_000
  const maxNegativeEntries = options.maxNegativeEntries ?? 10_000
  const known = new Map<string, { key: CachedKey; until: number }>()
  const unknown = new Map<string, number>()
  const hashByKeyId = new Map<string, string>()
  let generation = 0

  const bounded = <V>(map: Map<string, V>, max: number) => {
    if (map.size >= max) map.delete(map.keys().next().value!)
  }
  const remove = (hash: string) => {
    const entry = known.get(hash)
    if (entry) hashByKeyId.delete(entry.key.keyId)
    known.delete(hash)
  }

  return {
    /** The cached key, `null` when known to be unknown, `undefined` on a miss. */
    get(hash: string, now = Date.now()): CachedKey | null | undefined {
      const entry = known.get(hash)
      if (entry) {
        if (entry.until > now) return entry.key
        remove(hash)
      }
      const unknownUntil = unknown.get(hash)
      if (unknownUntil !== undefined) {
        if (unknownUntil > now) return null
        unknown.delete(hash)
      }
      return undefined
    },
    /** Current generation: pass it back to `set`/`setUnknown` so stale lookups are dropped. */
    generation: () => generation,
    set(hash: string, key: CachedKey, since: number) {
      if (since !== generation) return
      remove(hash)
      bounded(known, maxEntries)
      known.set(hash, { key, until: Date.now() + ttlMs })
      hashByKeyId.set(key.keyId, hash)
    },
    setUnknown(hash: string, since: number) {
      if (since !== generation) return
      bounded(unknown, maxNegativeEntries)
      unknown.set(hash, Date.now() + negativeTtlMs)
    },
    evictKey(keyId: string) {
      generation++
      const hash = hashByKeyId.get(keyId)
      if (hash) remove(hash)
    },
    evictAccount(accountId: string) {
      generation++
      for (const [hash, entry] of known) if (entry.key.accountId === accountId) remove(hash)
    },
    /** Forget everything (after missing invalidations, e.g. a Redis reconnect). */
    clear() {
      generation++
      known.clear()
      unknown.clear()
      hashByKeyId.clear()
    },
    get size() {
      return { known: known.size, unknown: unknown.size }
    },
  }
}

export type KeyCache = ReturnType<typeof createKeyCache>
