import type { BenchOptions } from './bench-options'
import { bareTollgate, directProxyTollgate, requestShapes as shape, type Variant } from './variants'

interface ScenarioBase {
  id: string
  title: string
  variants: Variant[]
  /** Printed under the scenario's table. */
  notes?: string[]
}

/**
 * Keep-alive connections in a closed loop, compared on `throughput` (req/s and CPU per request
 * against the minimal proxy), `latency` (added p50/TTFT against direct), `upstream-bound`
 * (req/s and p99 against direct when a slow upstream sets the pace) or `same-cost` (req/s, CPU
 * per request and p50 against the same gateway differently configured).
 */
export interface ClosedLoopScenario extends ScenarioBase {
  kind: 'closed-loop'
  connections: number
  compare: 'throughput' | 'latency' | 'upstream-bound' | 'same-cost'
}

/** Many slow streams open at once; compared on RSS. */
export interface OpenStreamsScenario extends ScenarioBase {
  kind: 'open-streams'
  streams: number
  holdMs: number
}

/** Many requests in batches, RSS after each; compared on the growth trend. */
export interface LeakScenario extends ScenarioBase {
  kind: 'leak'
  requests: number
  batches: number
  /** Leading batches that count as warm-up. */
  warmupBatches: number
  connections: number
}

/** Listed in the report, not run (the feature does not exist yet). */
export interface PendingScenario {
  kind: 'pending'
  id: string
  title: string
  reason: string
}

export type Scenario = ClosedLoopScenario | OpenStreamsScenario | LeakScenario | PendingScenario

/** Upstream pacing for the open-streams scenario: 20 events, one every 2 s, so streams outlive the hold. */
const SLOW_STREAM_INTERVAL_MS = 2_000
/** Seeded keys the cache-miss variant spreads its requests over, a fresh slice each round. */
export const SPREAD_KEYS = 1_000

/** Every scenario of issue 8, in the order they run. */
export function benchScenarios(options: BenchOptions): Scenario[] {
  const stream = [shape.openAIChat(true)]
  const nonStream = [shape.openAIChat(false)]
  const all: Scenario[] = [
    {
      kind: 'closed-loop',
      id: 'non-stream',
      title: 'Non-stream throughput (50 connections, instant upstream)',
      connections: 50,
      compare: 'throughput',
      variants: [...directProxyTollgate(nonStream, 'proxy'), bareTollgate(nonStream, 'proxy')],
    },
    {
      kind: 'closed-loop',
      id: 'stream',
      title: 'Stream throughput (50 connections, instant upstream, 20 events per stream)',
      connections: 50,
      compare: 'throughput',
      variants: [
        ...directProxyTollgate(stream, 'proxy'),
        { id: 'tollgate-cross', label: 'Tollgate cross-dialect (Anthropic client → OpenAI upstream)', server: 'tollgate', requests: [shape.anthropicMessages(true)], baseline: 'proxy' },
        { id: 'proxy-anthropic', label: 'minimal proxy, Anthropic stream', server: 'proxy', requests: [shape.anthropicMessages(true, 'anthropic')] },
        { id: 'tollgate-cross-reverse', label: 'Tollgate cross-dialect (OpenAI client → Anthropic upstream)', server: 'tollgate', requests: [shape.openAIChatToAnthropic(true)], baseline: 'proxy-anthropic' },
      ],
    },
    { kind: 'closed-loop', id: 'one-connection', title: 'Added latency at one connection (non-stream)', connections: 1, compare: 'latency', variants: directProxyTollgate([shape.openAIChat(false)], 'direct') },
    { kind: 'closed-loop', id: 'one-connection-stream', title: 'Added time to first token at one connection (stream)', connections: 1, compare: 'latency', variants: directProxyTollgate(stream, 'direct') },
    {
      kind: 'closed-loop',
      id: 'slow-upstream',
      title: '20 ms upstream at 50 connections (non-stream)',
      connections: 50,
      compare: 'upstream-bound',
      variants: directProxyTollgate([shape.openAIChat(false, { latencyMs: 20 })], 'direct'),
    },
    {
      kind: 'leak',
      id: 'leak',
      title: `Leak check: RSS over ${options.leakRequests} requests (non-stream, stream, Anthropic-client stream)`,
      requests: options.leakRequests,
      batches: 10,
      warmupBatches: 2,
      connections: 50,
      variants: directProxyTollgate([shape.openAIChat(false), shape.openAIChat(true), shape.anthropicMessages(true)], 'proxy').slice(1),
    },
    {
      kind: 'open-streams',
      id: 'open-streams',
      title: `Memory: ${options.streams} concurrent slow streams`,
      streams: options.streams,
      holdMs: options.quick ? 1_000 : 2_000,
      variants: directProxyTollgate([shape.openAIChat(true, { intervalMs: SLOW_STREAM_INTERVAL_MS })], 'proxy'),
    },
    {
      kind: 'closed-loop',
      id: 'auth-keys',
      title: 'Auth with 100k keys vs 10 keys in the store (non-stream, 50 connections, full pipeline)',
      connections: 50,
      compare: 'same-cost',
      variants: [
        { id: 'tollgate-10-keys', label: 'Tollgate, 10 keys in the store (one key)', server: 'tollgate-10-keys', requests: nonStream },
        { id: 'tollgate-100k', label: 'Tollgate, 100,000 keys in the store (one key)', server: 'tollgate-100k', requests: nonStream, baseline: 'tollgate-10-keys' },
        {
          id: 'tollgate-100k-spread',
          label: `Tollgate, 100,000 keys, requests spread over ${SPREAD_KEYS.toLocaleString('en-US')} of them (each key's first use a cache miss)`,
          server: 'tollgate-100k',
          requests: nonStream,
          baseline: 'tollgate-10-keys',
          spreadKeys: SPREAD_KEYS,
        },
      ],
    },
    ...(['non-stream', 'stream'] as const).map(
      (kind): Scenario => ({
        kind: 'closed-loop',
        id: kind === 'stream' ? 'postgres-redis-stream' : 'postgres-redis',
        title: `Full pipeline on PostgreSQL + Redis, ${kind} (50 connections, instant upstream)`,
        connections: 50,
        compare: 'throughput',
        notes: ['PostgreSQL and Redis are not bench processes: the CPU they spend serving the gateway counts as "outside the bench" in the background figure.'],
        variants: [
          { id: 'proxy', label: 'minimal proxy', server: 'proxy', requests: kind === 'stream' ? stream : nonStream },
          { id: 'tollgate-pg', label: 'Tollgate, full pipeline, PostgreSQL + Redis', server: 'tollgate-pg', requests: kind === 'stream' ? stream : nonStream, baseline: 'proxy' },
        ],
      }),
    ),
  ]
  return options.only ? all.filter((scenario) => options.only!.includes(scenario.id)) : all
}
