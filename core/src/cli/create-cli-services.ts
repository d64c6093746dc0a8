import type { GatewayConfig } from '../config/define-config'
import { runtimeEnvironment } from '../config/runtime-environment'
import type { PluginServices } from '../plugin/plugin-services'
import { createProvider } from '../routing/create-provider'
import { createModelCatalog } from '../routing/model-catalog'
import { createRedisClient, waitForRedis } from '../services/create-redis-client'
import { createLazyStore, storeOptionsFor } from '../storage/lazy-store'
import type { StoreOptions } from '../storage/open-store'

/**
 * The services a running gateway would hand its plugins, for one CLI command: same
 * environment, same store (opened on first use), same Redis (so a revocation reaches the
 * running instances). `close` releases them.
 */
export async function createCliServices(config: GatewayConfig, logger: PluginServices['logger']): Promise<{ services: PluginServices; storeOptions: StoreOptions; close(): Promise<void> }> {
  const env = config.env ?? runtimeEnvironment()
  const dataDir = config.dataDir ?? env.TOLLGATE_DATA_DIR ?? './data'
  const providers = (config.providers ?? []).map((entry) => createProvider(entry, env))
  const storeOptions = storeOptionsFor(config, env, dataDir)
  const store = createLazyStore(storeOptions)
  const redisURL = config.redisURL ?? env.REDIS_URL
  const redis = redisURL ? createRedisClient(redisURL, logger) : undefined
  if (redis) await waitForRedis(redis)
  const services: PluginServices = { env, logger, dataDir, providers, catalog: createModelCatalog(providers, config.aliases), redis, store: store.open }
  return {
    services,
    storeOptions,
    async close() {
      await store.close()
      await redis?.quit().catch(() => {})
    },
  }
}
