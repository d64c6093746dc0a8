import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeURL, dropSchema, findPostgresRedis, type PostgresRedisBackend } from './external-backends'
import { FULL_PIPELINE_ENV, provisionBenchAccount } from './provision-bench-account'
import { seedStore } from './seed-store'
import { onInterrupt } from './process-registry'
import { spawnServer, type ServerProcess } from './spawn-server'

/** The gateways under test: one process each, configured differently. */
export type GatewayRole = 'tollgate' | 'tollgate-bare' | 'tollgate-10-keys' | 'tollgate-100k' | 'tollgate-pg'
export type ServerRole = 'direct' | 'proxy' | GatewayRole

export interface GatewaySetup {
  name: string
  /** `platform`: the zero-config plugins of `bun run start` (keys, rate limits, billing, routing); `none`: core alone. */
  plugins: 'platform' | 'none'
  /** Keys in the store while measuring (all but one seeded before start, the measured one minted after); 0 = the master key, no account. */
  keysInStore: number
  backend: 'embedded' | 'postgres-redis'
}

export const GATEWAY_SETUPS: Record<GatewayRole, GatewaySetup> = {
  tollgate: { name: 'Tollgate (full pipeline, SQLite, 10 keys)', plugins: 'platform', keysInStore: 10, backend: 'embedded' },
  'tollgate-bare': { name: 'Tollgate without plugins', plugins: 'none', keysInStore: 0, backend: 'embedded' },
  // The auth scenario's pair: fresh stores with the same history, so only the number of keys differs.
  'tollgate-10-keys': { name: 'Tollgate (full pipeline, SQLite, 10 keys, auth scenario)', plugins: 'platform', keysInStore: 10, backend: 'embedded' },
  'tollgate-100k': { name: 'Tollgate (full pipeline, SQLite, 100k keys)', plugins: 'platform', keysInStore: 100_000, backend: 'embedded' },
  'tollgate-pg': { name: 'Tollgate (full pipeline, PostgreSQL + Redis)', plugins: 'platform', keysInStore: 10, backend: 'postgres-redis' },
}

/** A running server and the credentials to send it. */
export interface BenchServer extends ServerProcess {
  /** The key the load generator sends (the mock and the proxy ignore it). */
  apiKey: string
  /** Plaintext of seeded keys of the measured account, for variants that spread requests over many keys. */
  spreadKeys: string[]
}

/** A server that could not start, with the reason (shown in the report instead of figures). */
export interface UnavailableServer {
  unavailable: string
  /** Not an error: an optional backend (PostgreSQL, Redis) is not there. */
  skipped?: boolean
}

export interface BenchServers {
  get(role: ServerRole): BenchServer | UnavailableServer
  /** Pids of every running server (their CPU is bench work, not background load). */
  pids(): number[]
  stop(): Promise<void>
}

export const BENCH_MASTER_KEY = 'sk-tg-bench-master-key-0123456789'

/** Seeded keys kept for the spread variants (the rest stay in the store only). */
const MAX_SPREAD_KEYS = 20_000

/**
 * fetch() in Bun sends at most 256 requests at once unless told otherwise; the proxy and the
 * gateway both need more to hold thousands of streams open. Same setting for both.
 */
const FETCH_CONCURRENCY = { BUN_CONFIG_MAX_HTTP_REQUESTS: '65000' }

const servers = `${import.meta.dir}/../servers`

export function isUnavailable(server: BenchServer | UnavailableServer): server is UnavailableServer {
  return 'unavailable' in server
}

interface GatewayStart {
  role: GatewayRole
  upstreamURL: string
  dataDir: string
  backend?: PostgresRedisBackend
  bunFlags?: string[]
  withoutPlugins?: string[]
  log(line: string): void
}

/** Seed the store, start the gateway, then set up the bench account through the admin API. */
async function startGateway({ role, upstreamURL, dataDir, backend, bunFlags, withoutPlugins, log }: GatewayStart): Promise<BenchServer> {
  const setup = GATEWAY_SETUPS[role]
  const storeEnv = backend ? { DATABASE_URL: backend.databaseURL, DATABASE_SCHEMA: backend.databaseSchema, REDIS_URL: backend.redisURL } : {}
  let seeded: { accountId: string; keys: string[] } | undefined
  if (setup.keysInStore > 1) {
    const started = performance.now()
    seeded = await seedStore(backend ? { databaseURL: backend.databaseURL, databaseSchema: backend.databaseSchema } : { dataDir }, setup.keysInStore - 1)
    log(`  ${setup.name}: seeded ${(setup.keysInStore - 1).toLocaleString('en-US')} keys in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  const server = await spawnServer({
    name: setup.name,
    script: `${servers}/gateway-server.ts`,
    bunFlags,
    readyTimeoutMs: 30_000,
    env: {
      BENCH_UPSTREAM_URL: upstreamURL,
      ...FETCH_CONCURRENCY,
      BENCH_DATA_DIR: dataDir,
      BENCH_MASTER_KEY,
      BENCH_PLUGINS: setup.plugins,
      BENCH_WITHOUT_PLUGINS: (withoutPlugins ?? []).join(','),
      BENCH_GATEWAY_ENV: JSON.stringify(setup.plugins === 'platform' ? { ...FULL_PIPELINE_ENV, ...storeEnv } : storeEnv),
    },
  })
  if (setup.keysInStore === 0) return { ...server, apiKey: BENCH_MASTER_KEY, spreadKeys: [] }
  try {
    const account = await provisionBenchAccount(server.url, BENCH_MASTER_KEY, seeded?.accountId)
    return { ...server, apiKey: account.apiKey, spreadKeys: seeded?.keys.slice(0, MAX_SPREAD_KEYS) ?? [] }
  } catch (error) {
    await server.stop()
    throw new Error(`setting up the bench account failed: ${(error as Error).message}\n${server.stderrTail().trim()}`)
  }
}

/**
 * Start the mock upstream, the minimal proxy and the gateways the scenarios need, each in its
 * own process. A gateway may fail to start (its packages are under construction): that is
 * recorded, not thrown. The PostgreSQL + Redis gateway is skipped when either is unreachable.
 */
export interface StartOptions {
  roles: Iterable<ServerRole>
  /** Extra Bun flags per server, e.g. `--cpu-prof` (profile-gateway.ts). */
  bunFlags?: Partial<Record<ServerRole, string[]>>
  /** Platform plugins (by name) the gateways leave out, e.g. `['billing']` to profile the rest. */
  withoutPlugins?: string[]
  log?: (line: string) => void
}

export async function startBenchServers(options: StartOptions): Promise<BenchServers> {
  const log = options.log ?? (() => {})
  const roles = new Set(options.roles)
  const root = mkdtempSync(join(tmpdir(), 'tollgate-bench-'))
  const started = new Map<ServerRole, BenchServer | UnavailableServer>()
  let backend: PostgresRedisBackend | undefined
  let forgetSchema = () => {}

  const direct = await spawnServer({ name: 'mock upstream', script: `${servers}/mock-upstream-server.ts`, bunFlags: options.bunFlags?.direct })
  started.set('direct', { ...direct, apiKey: BENCH_MASTER_KEY, spreadKeys: [] })
  if (roles.has('proxy')) {
    const proxy = await spawnServer({ name: 'minimal proxy', script: `${servers}/minimal-proxy-server.ts`, bunFlags: options.bunFlags?.proxy, env: { BENCH_UPSTREAM_URL: direct.url, ...FETCH_CONCURRENCY } })
    started.set('proxy', { ...proxy, apiKey: BENCH_MASTER_KEY, spreadKeys: [] })
  }
  for (const role of Object.keys(GATEWAY_SETUPS) as GatewayRole[]) {
    if (!roles.has(role)) continue
    if (GATEWAY_SETUPS[role].backend === 'postgres-redis') {
      const found = await findPostgresRedis()
      if ('skipped' in found) {
        started.set(role, { unavailable: `skipped: ${found.skipped}`, skipped: true })
        continue
      }
      backend = found
      forgetSchema = onInterrupt(() => dropSchema(found))
      log(`  ${GATEWAY_SETUPS[role].name}: ${describeURL(found.databaseURL)} schema ${found.databaseSchema}, ${describeURL(found.redisURL)}`)
    }
    const dataDir = mkdtempSync(join(root, `${role}-`))
    const gateway = await startGateway({ role, upstreamURL: direct.url, dataDir, backend: GATEWAY_SETUPS[role].backend === 'postgres-redis' ? backend : undefined, bunFlags: options.bunFlags?.[role], withoutPlugins: options.withoutPlugins, log }).catch(
      (error: Error): UnavailableServer => ({ unavailable: `the gateway did not start: ${error.message}` }),
    )
    started.set(role, gateway)
  }

  const running = () => [...started.values()].filter((server): server is BenchServer => !isUnavailable(server))
  return {
    get: (role) => started.get(role) ?? { unavailable: `${role} was not started` },
    pids: () => running().map((server) => server.pid),
    async stop() {
      for (const server of running().reverse()) await server.stop()
      if (backend) await dropSchema(backend).catch((error: Error) => log(`could not drop PostgreSQL schema ${backend!.databaseSchema}: ${error.message}`))
      forgetSchema()
      rmSync(root, { recursive: true, force: true })
    },
  }
}
