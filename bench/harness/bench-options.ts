import { parseArgs } from 'node:util'

export interface BenchOptions {
  quick: boolean
  /** Interleaved rounds per comparison; figures are the median over rounds. */
  rounds: number
  /** Measured window per run, and the unmeasured warm-up before it. */
  durationMs: number
  warmupMs: number
  /** Concurrent slow streams in the memory scenario. */
  streams: number
  /** Requests in the leak check. */
  leakRequests: number
  /** Also benchmark peer gateways (Portkey). */
  peers: boolean
  /** Run only these scenarios (ids, comma-separated on the command line). */
  only?: string[]
}

export const USAGE = `Usage: bun run bench [flags]
  --quick            smoke run: 1 round, 1 s per run, few streams (about 2 minutes)
  --rounds N         interleaved rounds per comparison (default 3; quick 1)
  --duration S       measured seconds per run (default 5; quick 1)
  --streams N        concurrent slow streams in the memory scenario (default 10000, capped by the
                     open-file limit; quick 300)
  --leak-requests N  requests in the leak check (default 30000; quick 6000; e.g. 200000)
  --peers            also benchmark peer gateways (Portkey)
  --only a,b         run only these scenario ids
  --help`

/** Read the command line; --quick changes the defaults, explicit flags still win. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      streams: { type: 'string' },
      'leak-requests': { type: 'string' },
      peers: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const quick = values.quick === true
  const positive = (text: string | undefined, fallback: number, name: string) => {
    if (text === undefined) return fallback
    const value = Number(text)
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${text}"\n${USAGE}`)
    return value
  }
  const durationSeconds = positive(values.duration, quick ? 1 : 5, 'duration')
  return {
    quick,
    rounds: Math.round(positive(values.rounds, quick ? 1 : 3, 'rounds')),
    durationMs: durationSeconds * 1000,
    warmupMs: Math.min(1000, Math.max(300, durationSeconds * 200)),
    streams: Math.round(positive(values.streams, quick ? 300 : 10_000, 'streams')),
    leakRequests: Math.round(positive(values['leak-requests'], quick ? 6000 : 30_000, 'leak-requests')),
    peers: values.peers === true,
    only: values.only?.split(',').map((id) => id.trim()),
  }
}
