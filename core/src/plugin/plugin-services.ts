import type { ModelCatalog } from '../routing/model-catalog'
import type { Store } from '../storage/store'
import type { Provider } from './provider-spec'

/** The subset of an ioredis client plugins may use (core owns the connection). */
export interface RedisClient {
  get(key: string): Promise<string | null>
  set(key: string, value: string, ...args: Array<string | number>): Promise<unknown>
  del(...keys: string[]): Promise<number>
  incr(key: string): Promise<number>
  pexpire(key: string, milliseconds: number): Promise<number>
  eval(script: string, numberOfKeys: number, ...args: Array<string | number>): Promise<unknown>
  publish(channel: string, message: string): Promise<number>
  /** A second connection for subscriptions (a subscribed connection cannot run commands). */
  duplicate(): RedisClient & { subscribe(channel: string): Promise<unknown>; on(event: 'message', listener: (channel: string, message: string) => void): unknown; quit(): Promise<unknown> }
  on(event: 'error' | 'ready' | 'end', listener: (...args: any[]) => void): unknown
  quit(): Promise<unknown>
}

/**
 * What core hands a plugin at start: plugins never open connections or import Elysia, a
 * database driver or Redis themselves.
 */
export interface PluginServices {
  env: Record<string, string | undefined>
  logger: Pick<Console, 'info' | 'warn' | 'error'>
  /** The gateway's data folder (embedded SQLite file, generated keys). */
  dataDir: string
  /** The configured providers, resolved against the environment. */
  providers: Provider[]
  /** Model id → route resolution of the built-in catalogue (aliases, known ids, prefixes). */
  catalog: ModelCatalog
  /** A shared Redis connection when REDIS_URL is set (scale-out), else undefined (single instance). */
  redis?: RedisClient
  /**
   * The gateway's store (accounts, keys, ...): PostgreSQL when DATABASE_URL is set, else SQLite
   * under `dataDir`. Opened and migrated on the first call, so a gateway whose plugins never
   * ask opens no database; every call returns the same store; core closes it on stop.
   */
  store(): Promise<Store>
}
