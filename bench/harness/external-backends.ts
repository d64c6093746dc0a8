import { connect } from 'node:net'

/** Where the PostgreSQL + Redis variant runs; BENCH_DATABASE_URL / BENCH_REDIS_URL override (else DATABASE_URL / REDIS_URL, else this machine's). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test'
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'
/**
 * Redis database the bench uses when the URL names none. The zero-config plugins take no key
 * prefix from the environment (the rate limiter's `redis.prefix` is a code option), so a
 * database number of its own keeps the bench's keys apart from tests on database 0. Every key
 * the plugins write expires by itself; pub/sub (key revocations) is shared by all databases.
 */
export const BENCH_REDIS_DB = 9

export interface PostgresRedisBackend {
  databaseURL: string
  /** A schema of this run's own (`bench_<pid>`), dropped when the bench stops. */
  databaseSchema: string
  redisURL: string
}

/** True when host:port accepts a TCP connection within the timeout. */
function reachable(url: string, defaultPort: number, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort) })
    const done = (ok: boolean) => (socket.destroy(), resolve(ok))
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

function withRedisDatabase(url: string): string {
  const parsed = new URL(url)
  if (parsed.pathname.length <= 1) parsed.pathname = `/${BENCH_REDIS_DB}`
  return parsed.toString()
}

/** Without credentials, for the report. */
export function describeURL(url: string): string {
  const { protocol, hostname, port, pathname } = new URL(url)
  return `${protocol}//${hostname}${port ? `:${port}` : ''}${pathname}`
}

/** The PostgreSQL + Redis backend, or why it is skipped (a server is unreachable). */
export async function findPostgresRedis(env: Record<string, string | undefined> = process.env): Promise<PostgresRedisBackend | { skipped: string }> {
  const databaseURL = env.BENCH_DATABASE_URL ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL
  const redisURL = withRedisDatabase(env.BENCH_REDIS_URL ?? env.REDIS_URL ?? DEFAULT_REDIS_URL)
  const missing = [(await reachable(databaseURL, 5432)) ? undefined : `PostgreSQL at ${describeURL(databaseURL)}`, (await reachable(redisURL, 6379)) ? undefined : `Redis at ${describeURL(redisURL)}`].filter(Boolean)
  if (missing.length > 0) return { skipped: `${missing.join(' and ')} not reachable (set BENCH_DATABASE_URL / BENCH_REDIS_URL)` }
  return { databaseURL, databaseSchema: `bench_${process.pid}`, redisURL }
}

/** Drop the run's schema (and everything in it). */
export async function dropSchema(backend: PostgresRedisBackend): Promise<void> {
  const { default: postgres } = await import('postgres')
  const sql = postgres(backend.databaseURL, { max: 1, onnotice: () => {} })
  try {
    await sql.unsafe(`DROP SCHEMA IF EXISTS ${backend.databaseSchema} CASCADE`)
  } finally {
    await sql.end({ timeout: 5 })
  }
}
