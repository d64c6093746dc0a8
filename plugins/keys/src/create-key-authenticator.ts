import { constantTimeEqual, GatewayError, type Principal, type RequestContext, type Store } from '@tollgate/core'
import { hashApiKey, looksLikeApiKey } from './api-key-format'
import type { CachedKey, KeyCache } from './key-cache'
import type { LastUsedRecorder } from './last-used-recorder'
import { toCachedKey } from './to-cached-key'

const invalidKey = (message: string) => new GatewayError({ status: 401, code: 'invalid_api_key', message })

/**
 * The authenticate hook: hash the credential, look it up in the cache (the store only on a
 * miss, one lookup per key however many requests wait for it), then check its state.
 * Unknown keys return undefined (core answers 401); the key itself is never kept.
 */
export function createKeyAuthenticator(options: { store(): Promise<Store>; cache: KeyCache; lastUsed: LastUsedRecorder }) {
  const { cache, lastUsed } = options
  const loading = new Map<string, Promise<CachedKey | null>>()

  async function load(hash: string): Promise<CachedKey | null> {
    const since = cache.generation()
    const store = await options.store()
    const key = await store.apiKeys.findByHash(hash)
    const account = key && constantTimeEqual(key.hash, hash) ? await store.accounts.get(key.accountId) : undefined
    if (!key || !account) {
      cache.setUnknown(hash, since)
      return null
    }
    const cached = toCachedKey(key, account)
    cache.set(hash, cached, since)
    return cached
  }

  return async function authenticateKey(context: RequestContext, credential: string | undefined): Promise<Principal | undefined> {
    if (!credential || !looksLikeApiKey(credential)) return undefined
    const hash = hashApiKey(credential)
    let key = cache.get(hash)
    if (key === undefined) {
      let pending = loading.get(hash)
      if (!pending) {
        pending = load(hash).finally(() => loading.delete(hash))
        loading.set(hash, pending)
      }
      key = await pending
    }
    if (key === null) return undefined
    if (key.revoked) throw invalidKey('This API key has been revoked')
    if (key.expiresAt !== undefined && key.expiresAt <= Date.now()) throw invalidKey('This API key has expired')
    if (key.accountSuspended) throw new GatewayError({ status: 403, code: 'account_suspended', message: "This key's account is suspended" })
    if (key.type === 'public' && !context.headers.get('origin')) {
      throw new GatewayError({ status: 403, code: 'origin_required', message: 'Public keys (pk-tg-…) work only from the browser origins they allow; use a private key on servers' })
    }
    lastUsed.record(key.keyId)
    return key.principal
  }
}
