import { clientRequestParts } from '../load/build-client-request'
import { BENCH_MASTER_KEY, isUnavailable, type BenchServers } from './bench-servers'
import type { Scenario } from './scenarios'

const describeShape = (shape: { dialect: string; stream: boolean; model: string }) => `${shape.dialect} ${shape.stream ? 'stream' : 'JSON'} (${shape.model})`

/**
 * One request of every shape the gateway will get, before any load: a broken path then shows up
 * as one clear line ("HTTP 500 …") instead of thousands of failed requests.
 */
export async function preflightGateway(servers: BenchServers, scenarios: Scenario[]): Promise<string[]> {
  const gateway = servers.tollgate
  if (isUnavailable(gateway)) return [gateway.unavailable]
  const shapes = new Map<string, { dialect: 'openai-chat' | 'anthropic-messages'; stream: boolean; model: string }>()
  for (const scenario of scenarios) {
    if (scenario.kind === 'pending') continue
    for (const variant of scenario.variants) {
      if (variant.server !== 'tollgate') continue
      // slow streams take 40 s; the same path without pacing is checked instead
      for (const shape of variant.requests) shapes.set(describeShape(shape), { ...shape, model: shape.model.split('~')[0] })
    }
  }
  const problems: string[] = []
  for (const [name, shape] of shapes) {
    const { path, headers, body, terminal } = clientRequestParts({ ...shape, apiKey: BENCH_MASTER_KEY })
    try {
      const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })
      const text = await response.text()
      if (response.status !== 200) problems.push(`Tollgate, ${name}: HTTP ${response.status} ${text.slice(0, 300)}`)
      else if (terminal && !text.includes(terminal)) problems.push(`Tollgate, ${name}: stream without ${terminal}: …${text.slice(-300)}`)
    } catch (error) {
      problems.push(`Tollgate, ${name}: ${(error as Error).message}`)
    }
  }
  return problems
}
