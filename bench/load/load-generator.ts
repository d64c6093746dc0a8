/**
 * Load generator process: `bun load-generator.ts < config.json` (a `LoadConfig` on stdin: a
 * thousand requests do not fit in one command-line argument). Runs in its own process
 * so its CPU never counts against the server under test. Prints one JSON `LoadEvent` per stdout
 * line (phase changes as they happen, the result last) and exits; a watchdog bounds its life.
 */
import { runClosedLoop } from './closed-loop'
import type { LoadConfig, LoadEvent } from './load-protocol'
import { runOpenStreams } from './open-streams'
import { exitWithParent } from '../servers/exit-with-parent'

const config = JSON.parse(await Bun.stdin.text()) as LoadConfig
const emit = (event: LoadEvent) => process.stdout.write(`${JSON.stringify(event)}\n`)

const lifetimeMs = config.mode === 'closed-loop' ? config.warmupMs + config.durationMs + 30_000 : config.openTimeoutMs + config.holdMs + 30_000
exitWithParent()
setTimeout(() => {
  console.error(`load generator: still running after ${lifetimeMs} ms, giving up`)
  process.exit(2)
}, lifetimeMs).unref()

const result = config.mode === 'closed-loop' ? await runClosedLoop(config, emit) : await runOpenStreams(config, emit)
emit({ event: 'result', result })
process.exit(0)
