import { connect } from 'node:net'

/** True when host:port accepts a TCP connection within the timeout. */
function reachable(url: string | undefined, defaultPort: number, timeoutMs = 500): Promise<boolean> {
  if (!url) return Promise.resolve(false)
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort) })
    const done = (ok: boolean) => (socket.destroy(), resolve(ok))
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * The PostgreSQL / Redis test paths run for real when DATABASE_URL / REDIS_URL point at a live
 * server (.ci/run sets both); elsewhere they are skipped, and say so.
 */
export async function externalService(name: 'DATABASE_URL' | 'REDIS_URL'): Promise<string | undefined> {
  const url = process.env[name]
  const ok = await reachable(url, name === 'REDIS_URL' ? 6379 : 5432)
  if (!ok) console.warn(`SKIPPED: tests needing ${name} (${url ? `${url} is not reachable` : 'not set'})`)
  return ok ? url : undefined
}
