import { createServer, connect } from 'node:net'

/** A free loopback TCP port (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export const redisServerBinary = () => Bun.which('redis-server')

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await Bun.sleep(20)
  }
  throw new Error(`timed out waiting for ${what}`)
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => (socket.destroy(), resolve(false)))
  })

/**
 * A private, throwaway redis-server (no persistence) on a free port, for tests that stop,
 * pause and restart Redis (the machine's shared Redis must never be touched).
 */
export async function startRedisServer() {
  const binary = redisServerBinary()
  if (!binary) throw new Error('redis-server is not installed')
  const port = await freePort()
  let process: ReturnType<typeof Bun.spawn> | undefined
  const start = async () => {
    process = Bun.spawn([binary, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdout: 'ignore', stderr: 'ignore' })
    await waitUntil(() => accepts(port), `redis-server on port ${port}`)
  }
  const stop = async () => {
    if (!process) return
    process.kill('SIGKILL')
    await process.exited
    process = undefined
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Kill it (its data is gone: no persistence). */
    stop,
    /** Start it again on the same port, empty. */
    start,
    /** Freeze it (connections stay open, nothing answers): a slow Redis. */
    pause: () => process?.kill('SIGSTOP'),
    resume: () => process?.kill('SIGCONT'),
  }
}
