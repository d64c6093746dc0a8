import { definePlugin, type PluginServices } from '@tollgate/core'
import { adminRoutes } from './admin-routes'
import { admitRequest } from './admit-request'
import { createKeyAuthenticator } from './create-key-authenticator'
import { publishInvalidation, subscribeInvalidations, type Invalidation } from './invalidation-channel'
import { createKeyCache, type KeyCacheOptions } from './key-cache'
import { keysCommands } from './keys-commands'
import type { KeysRuntime } from './keys-runtime'
import { createLastUsedRecorder } from './last-used-recorder'
import { selfServiceRoutes } from './self-service-routes'

export interface KeysOptions {
  /** The authentication cache: TTLs and sizes (defaults: 10 s, 100,000 keys). */
  cache?: KeyCacheOptions
  /** How often last-used times are written to the store, in ms. @default 5000 */
  lastUsedFlushMs?: number
}

/**
 * Accounts and API keys on the gateway's store: the authenticate hook (cached, no database
 * read per request), scopes and model allowlists (admit hook), the admin API, self-service
 * `/v1/keys`, and the `accounts`/`keys` CLI commands. Revocations reach other instances
 * through Redis when the gateway has it.
 */
export function keys(options: KeysOptions = {}) {
  let services: PluginServices | undefined
  let subscription: { close(): Promise<void> } | undefined
  const cache = createKeyCache(options.cache)
  const started = () => {
    if (!services) throw new Error('The keys plugin has not started')
    return services
  }
  const lastUsed = createLastUsedRecorder({
    write: async (entries) => (await started().store()).apiKeys.recordLastUsed(entries),
    intervalMs: options.lastUsedFlushMs ?? 5_000,
    logger: { warn: (message) => services?.logger.warn(message) },
  })
  const evict = (invalidation: Invalidation) => ('keyId' in invalidation ? cache.evictKey(invalidation.keyId) : cache.evictAccount(invalidation.accountId))
  const runtime: KeysRuntime = {
    store: () => started().store(),
    async invalidate(invalidation) {
      evict(invalidation)
      await publishInvalidation(services?.redis, invalidation, started().logger)
    },
    pendingLastUsed: (keyId) => lastUsed.pendingFor(keyId),
  }

  return definePlugin({
    name: 'keys',
    hooks: {
      authenticate: createKeyAuthenticator({ store: runtime.store, cache, lastUsed }),
      admit: (context) => admitRequest(context, started().catalog),
    },
    routes: [...adminRoutes(runtime), ...selfServiceRoutes(runtime)],
    commands: keysCommands,
    async start(given) {
      services = given
      // Open (and migrate) now, so a broken database stops the start instead of the first request.
      const store = await given.store()
      given.logger.info(`[tollgate] keys: accounts and API keys on ${store.dialect} (${store.location})`)
      if (given.redis) subscription = await subscribeInvalidations(given.redis, { onInvalidation: evict, onReconnect: () => cache.clear() }, given.logger)
      lastUsed.start()
    },
    async stop() {
      await lastUsed.stop()
      await subscription?.close()
    },
  })
}
