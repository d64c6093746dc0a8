import { describe, expect, test } from 'bun:test'
import { createKeyCache, type CachedKey } from './key-cache'

const cachedKey = (keyId: string, accountId = 'acct_1'): CachedKey => ({
  principal: { keyId, accountId, scopes: ['inference'] },
  keyId,
  accountId,
  type: 'private',
  revoked: false,
  accountSuspended: false,
})

describe('key cache', () => {
  test('hit within the TTL, miss after it', () => {
    const cache = createKeyCache({ ttlMs: 1_000 })
    cache.set('h1', cachedKey('key_1'), cache.generation())
    expect(cache.get('h1')?.keyId).toBe('key_1')
    expect(cache.get('h1', Date.now() + 2_000)).toBeUndefined()
    expect(cache.get('h1')).toBeUndefined()
  })

  test('unknown keys are remembered as null until their own TTL passes', () => {
    const cache = createKeyCache({ negativeTtlMs: 1_000 })
    cache.setUnknown('nope', cache.generation())
    expect(cache.get('nope')).toBeNull()
    expect(cache.get('nope', Date.now() + 2_000)).toBeUndefined()
  })

  test('evicting a key or an account removes it at once', () => {
    const cache = createKeyCache()
    cache.set('h1', cachedKey('key_1', 'acct_a'), cache.generation())
    cache.set('h2', cachedKey('key_2', 'acct_a'), cache.generation())
    cache.set('h3', cachedKey('key_3', 'acct_b'), cache.generation())
    cache.evictKey('key_1')
    expect(cache.get('h1')).toBeUndefined()
    expect(cache.get('h2')?.keyId).toBe('key_2')
    cache.evictAccount('acct_a')
    expect(cache.get('h2')).toBeUndefined()
    expect(cache.get('h3')?.keyId).toBe('key_3')
    expect(cache.size).toEqual({ known: 1, unknown: 0 })
  })

  test('a lookup that started before an eviction cannot put the stale key back', () => {
    const cache = createKeyCache()
    const startedAt = cache.generation()
    cache.evictKey('key_1')
    cache.set('h1', cachedKey('key_1'), startedAt)
    cache.setUnknown('h9', startedAt)
    expect(cache.get('h1')).toBeUndefined()
    expect(cache.get('h9')).toBeUndefined()
  })

  test('both maps are bounded: the oldest entries go first', () => {
    const cache = createKeyCache({ maxEntries: 2, maxNegativeEntries: 2 })
    for (const id of ['1', '2', '3']) cache.set(`h${id}`, cachedKey(`key_${id}`), cache.generation())
    for (const id of ['a', 'b', 'c']) cache.setUnknown(id, cache.generation())
    expect(cache.get('h1')).toBeUndefined()
    expect(cache.get('h3')?.keyId).toBe('key_3')
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('c')).toBeNull()
    expect(cache.size).toEqual({ known: 2, unknown: 2 })
  })

  test('clear forgets everything', () => {
    const cache = createKeyCache()
    cache.set('h1', cachedKey('key_1'), cache.generation())
    cache.setUnknown('x', cache.generation())
    cache.clear()
    expect(cache.size).toEqual({ known: 0, unknown: 0 })
  })
})
