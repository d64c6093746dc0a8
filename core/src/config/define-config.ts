import type { GatewayPlugin } from '../plugin/gateway-plugin'
import type { ProviderFactoryResult } from '../plugin/provider-spec'

export interface ServerOptions {
  /** @default '0.0.0.0' (env HOST) */
  host?: string
  /** @default 8080 (env PORT) */
  port?: number
  /** Largest accepted request body in bytes. @default 20 MiB (env TOLLGATE_MAX_BODY_BYTES) */
  maxBodyBytes?: number
}

export interface GatewayConfig {
  /**
   * Providers to serve, e.g. `[openai({ apiKey }), anthropic()]`. When omitted, every installed
   * provider package whose credentials are in the environment is enabled, plus the mock provider.
   */
  providers?: ProviderFactoryResult[]
  /** Platform plugins, in hook order. */
  plugins?: GatewayPlugin[]
  /** Public model names → `provider/model` (or a bare catalogue id). */
  aliases?: Record<string, string>
  server?: ServerOptions
  /** Operator key (env TOLLGATE_MASTER_KEY); generated and stored under `dataDir` when absent. */
  masterKey?: string
  /** Folder for the gateway's own files. @default './data' (env TOLLGATE_DATA_DIR) */
  dataDir?: string
  /** PostgreSQL for the store (env DATABASE_URL), e.g. `postgres://user@host:5432/db`; absent = SQLite under `dataDir`. */
  databaseURL?: string
  /** PostgreSQL schema for Tollgate's tables (env DATABASE_SCHEMA). @default 'public' */
  databaseSchema?: string
  /** Redis for shared state across instances (env REDIS_URL); absent = single-instance, in-memory state. */
  redisURL?: string
  /** Environment to read (defaults to the process environment); tests pass their own. */
  env?: Record<string, string | undefined>
  /** Where the gateway writes its log lines. @default console */
  logger?: Pick<Console, 'info' | 'warn' | 'error'>
}

/** Typed helper for `tollgate.config.ts`: `export default defineConfig({ ... })`. */
export function defineConfig(config: GatewayConfig): GatewayConfig {
  return config
}
