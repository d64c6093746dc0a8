/**
 * The gateway on Deno: starts core/src/runtime/deno-main.ts with the Deno binary that
 * `bun install` puts in node_modules (devDependency `deno`), then checks /health and one
 * streamed chat completion through the mock provider over real loopback HTTP.
 * A missing Deno binary fails the test: it is part of the install, not optional.
 */
import { afterAll, expect, test } from 'bun:test'
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dir, '..')
const ENTRY = join(ROOT, 'core/src/runtime/deno-main.ts')
const DENO_CONFIG = join(ROOT, 'core/src/runtime/deno.json')
const MASTER_KEY = 'sk-tg-deno-runtime-test-key'
const STARTUP_TIMEOUT_MS = 60_000
const SHUTDOWN_GRACE_MS = 5_000

/**
 * The native Deno executable (not the node_modules/.bin/deno wrapper, which runs it as a child
 * of Node that a kill would not reach): the `deno` package's own copy, else its platform package.
 */
function findDenoBinary(): string {
  const exe = process.platform === 'win32' ? 'deno.exe' : 'deno'
  const packageDir = join(ROOT, 'node_modules/deno')
  if (!existsSync(packageDir)) throw new Error(`Deno is not installed: ${packageDir} is missing (it is a devDependency: run \`bun install\`)`)
  const direct = join(packageDir, exe)
  if (existsSync(direct)) return direct
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64'
  const target = process.platform === 'linux' ? `linux-${arch}-glibc` : `${process.platform === 'win32' ? 'win32' : process.platform}-${arch}`
  const fromDeno = createRequire(join(realpathSync(packageDir), 'package.json'))
  const platformBinary = join(dirname(fromDeno.resolve(`@deno/${target}/package.json`)), exe)
  if (existsSync(platformBinary)) return platformBinary
  throw new Error(`Deno binary not found at ${direct} nor ${platformBinary} (run \`bun install\`)`)
}

async function freePort(): Promise<number> {
  const probe = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response() })
  const port = probe.port
  await probe.stop(true)
  if (!port) throw new Error('Could not get a free port')
  return port
}

interface DenoGateway {
  proc: ReturnType<typeof Bun.spawn>
  baseURL: string
  output(): string
}

let gateway: DenoGateway | undefined
let dataDir: string | undefined
let starting: Promise<DenoGateway> | undefined
const killOnExit = () => gateway?.proc.kill('SIGKILL')

async function collect(stream: ReadableStream<Uint8Array>, sink: string[]) {
  const decoder = new TextDecoder()
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    sink.push(decoder.decode(value, { stream: true }))
  }
}

async function startDeno(): Promise<DenoGateway> {
  const deno = findDenoBinary()
  const port = await freePort()
  dataDir = mkdtempSync(join(tmpdir(), 'tollgate-deno-'))
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TOLLGATE_MASTER_KEY: MASTER_KEY,
    TOLLGATE_DATA_DIR: dataDir,
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
  }
  // Zero config, offline: only the mock provider.
  for (const name of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'TOLLGATE_CONFIG']) delete env[name]
  // cwd is the empty data dir, so no tollgate.config.ts is picked up by accident.
  const proc = Bun.spawn([deno, 'run', '-A', '--config', DENO_CONFIG, ENTRY], { cwd: dataDir, env, stdin: 'ignore', stdout: 'pipe', stderr: 'pipe' })
  const chunks: string[] = []
  void collect(proc.stdout as ReadableStream<Uint8Array>, chunks)
  void collect(proc.stderr as ReadableStream<Uint8Array>, chunks)
  gateway = { proc, baseURL: `http://127.0.0.1:${port}`, output: () => chunks.join('') }
  process.on('exit', killOnExit)

  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`Deno exited during startup (code ${proc.exitCode}, signal ${proc.signalCode}):\n${gateway.output()}`)
    }
    try {
      const response = await fetch(`${gateway.baseURL}/health`, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return gateway
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Deno gateway did not answer /health within ${STARTUP_TIMEOUT_MS} ms:\n${gateway.output()}`)
    await Bun.sleep(100)
  }
}

/** Started once, shared by both tests. */
function denoGateway(): Promise<DenoGateway> {
  starting ??= startDeno()
  return starting
}

async function stopDeno() {
  const running = gateway
  if (!running) return
  if (running.proc.exitCode === null && running.proc.signalCode === null) {
    running.proc.kill('SIGTERM')
    const stopped = await Promise.race([running.proc.exited.then(() => true), Bun.sleep(SHUTDOWN_GRACE_MS).then(() => false)])
    if (!stopped) {
      running.proc.kill('SIGKILL')
      await running.proc.exited
    }
  }
  process.off('exit', killOnExit)
}

/** Runs a test body; on failure stops Deno at once and adds its output to the error. */
async function withGateway(body: (gateway: DenoGateway) => Promise<void>) {
  try {
    await body(await denoGateway())
  } catch (error) {
    const output = gateway?.output()
    await stopDeno()
    if (error instanceof Error && output) error.message += `\n--- deno output ---\n${output}`
    throw error
  }
}

afterAll(async () => {
  await stopDeno()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

test(
  'Deno: the gateway starts with zero config and answers /health',
  () =>
    withGateway(async ({ baseURL }) => {
      const response = await fetch(`${baseURL}/health`)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ status: 'ok' })
    }),
  STARTUP_TIMEOUT_MS + 10_000,
)

test(
  'Deno: a streamed chat completion through the mock provider',
  () =>
    withGateway(async ({ baseURL }) => {
      const response = await fetch(`${baseURL}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
        body: JSON.stringify({ model: 'mock/echo', stream: true, messages: [{ role: 'user', content: 'hello from deno' }] }),
        signal: AbortSignal.timeout(15_000),
      })
      const text = await response.text()
      expect({ status: response.status, body: response.status === 200 ? '' : text }).toEqual({ status: 200, body: '' })
      expect(response.headers.get('content-type')).toStartWith('text/event-stream')

      const data = text
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
      expect(data.at(-1)).toBe('[DONE]')
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
      const content = data
        .slice(0, -1)
        .map((payload) => JSON.parse(payload) as { choices: Array<{ delta?: { content?: string } }> })
        .map((chunk) => chunk.choices[0]?.delta?.content ?? '')
        .join('')
      expect(content).toBe('hello from deno')
    }),
  STARTUP_TIMEOUT_MS + 25_000,
)
