import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer, type ServerProcess } from './spawn-server'

export type ServerRole = 'direct' | 'proxy' | 'tollgate'

/** A server that could not start, with the reason (shown in the report instead of figures). */
export interface UnavailableServer {
  unavailable: string
}

export type BenchServers = Record<ServerRole, ServerProcess | UnavailableServer> & { stop(): Promise<void> }

export const BENCH_MASTER_KEY = 'sk-tg-bench-master-key-0123456789'

/**
 * fetch() in Bun sends at most 256 requests at once unless told otherwise; the proxy and the
 * gateway both need more to hold thousands of streams open. Same setting for both.
 */
const FETCH_CONCURRENCY = { BUN_CONFIG_MAX_HTTP_REQUESTS: '65000' }

const servers = `${import.meta.dir}/../servers`

/**
 * Start the mock upstream, the minimal proxy and the gateway, each in its own process. The
 * gateway may fail to start (its packages are under construction): that is recorded, not thrown.
 */
export async function startBenchServers(options: { gatewayBunFlags?: string[] } = {}): Promise<BenchServers> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'))
  const direct = await spawnServer({ name: 'mock upstream', script: `${servers}/mock-upstream-server.ts` })
  const upstream = { BENCH_UPSTREAM_URL: direct.url }
  const proxy = await spawnServer({ name: 'minimal proxy', script: `${servers}/minimal-proxy-server.ts`, env: { ...upstream, ...FETCH_CONCURRENCY } })
  const tollgate = await spawnServer({
    name: 'tollgate',
    script: `${servers}/gateway-server.ts`,
    bunFlags: options.gatewayBunFlags,
    env: { ...upstream, ...FETCH_CONCURRENCY, BENCH_DATA_DIR: dataDir, BENCH_MASTER_KEY },
  }).catch((error: Error): UnavailableServer => ({ unavailable: `the gateway did not start: ${error.message}` }))

  return {
    direct,
    proxy,
    tollgate,
    async stop() {
      for (const server of [tollgate, proxy, direct]) if (!isUnavailable(server)) await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function isUnavailable(server: ServerProcess | UnavailableServer): server is UnavailableServer {
  return 'unavailable' in server
}
