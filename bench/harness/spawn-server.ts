import type { Subprocess } from 'bun'
import type { ChildMessage } from '../servers/child-process-link'
import { registerChild } from './process-registry'

export interface ServerProcess {
  name: string
  pid: number
  port: number
  url: string
  /** Full GC in the server; resolves with its JS heap size after collection. */
  collectGarbage(): Promise<number>
  /** Last lines the process wrote to stderr (for failure reports). */
  stderrTail(): string
  stop(): Promise<void>
}

export interface SpawnServerOptions {
  name: string
  /** Path of the server entry (it must call `linkToParent`). */
  script: string
  env?: Record<string, string>
  /** Extra Bun flags, e.g. `--cpu-prof`. */
  bunFlags?: string[]
  readyTimeoutMs?: number
}

/** Keep the last `limit` characters of a text stream, reading it so the pipe never fills up. */
function keepTail(stream: ReadableStream<Uint8Array>, limit = 4000) {
  let tail = ''
  void (async () => {
    const decoder = new TextDecoder()
    const reader = stream.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) tail = (tail + decoder.decode(chunk.value, { stream: true })).slice(-limit)
  })().catch(() => {})
  return () => tail
}

/**
 * Start one server in its own process (so its CPU time and RSS are its own), wait for it to
 * announce its port over IPC, and register it for cleanup. Fails with the process's stderr
 * when it exits or stays silent instead.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const waiters: Array<(message: ChildMessage) => void> = []
  let onReady: (port: number) => void = () => {}
  const ready = new Promise<number>((resolve) => (onReady = resolve))
  const child: Subprocess<'ignore', 'inherit', 'pipe'> = Bun.spawn({
    cmd: [process.execPath, '--no-install', ...(options.bunFlags ?? []), options.script],
    cwd: `${import.meta.dir}/../..`,
    env: { ...process.env, ...options.env },
    stdin: 'ignore',
    stdout: 'inherit',
    stderr: 'pipe',
    ipc(message: ChildMessage) {
      if (message.type === 'ready') onReady(message.port)
      else waiters.shift()?.(message)
    },
  })
  registerChild(child)
  const stderrTail = keepTail(child.stderr)
  const timeoutMs = options.readyTimeoutMs ?? 15_000
  const outcome = await Promise.race([
    ready,
    child.exited.then((code) => new Error(`${options.name} exited with code ${code} before it was ready`)),
    Bun.sleep(timeoutMs).then(() => new Error(`${options.name} was not ready after ${timeoutMs} ms`)),
  ])
  if (outcome instanceof Error) {
    child.kill('SIGKILL')
    await Bun.sleep(50)
    throw new Error(`${outcome.message}\n${stderrTail().trim()}`)
  }
  const port = outcome
  return {
    name: options.name,
    pid: child.pid,
    port,
    url: `http://127.0.0.1:${port}`,
    collectGarbage: () =>
      new Promise<number>((resolve) => {
        waiters.push((message) => resolve(message.type === 'garbage-collected' ? message.heapBytes : 0))
        child.send({ type: 'collect-garbage' })
      }),
    stderrTail,
    async stop() {
      child.kill('SIGTERM')
      await Promise.race([child.exited, Bun.sleep(2000)])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
