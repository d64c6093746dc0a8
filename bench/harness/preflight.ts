import { clientRequestParts } from '../load/build-client-request'
import { GATEWAY_SETUPS, isUnavailable, type BenchServers, type GatewayRole } from './bench-servers'
import type { Scenario } from './scenarios'

type Shape = { dialect: 'openai-chat' | 'anthropic-messages'; stream: boolean; model: string }
const describeShape = (shape: Shape) => `${shape.dialect} ${shape.stream ? 'stream' : 'JSON'} (${shape.model})`
const isGateway = (role: string): role is GatewayRole => role in GATEWAY_SETUPS

/**
 * One request of every shape each gateway will get, with the key the load will send (and one
 * seeded key where a variant spreads over them), before any load: a broken path then shows up
 * as one clear line ("HTTP 500 …") instead of thousands of failed requests.
 */
export async function preflightGateways(servers: BenchServers, scenarios: Scenario[]): Promise<string[]> {
  const checks = new Map<string, { role: GatewayRole; apiKey: 'measured' | 'seeded'; shape: Shape }>()
  for (const scenario of scenarios) {
    if (scenario.kind === 'pending') continue
    for (const variant of scenario.variants) {
      if (!isGateway(variant.server)) continue
      for (const requested of variant.requests) {
        // slow streams take 40 s; the same model name with a 1 ms pace is checked instead
        const shape = { ...requested, model: requested.model.replace(/~interval=\d+/, '~interval=1') }
        for (const apiKey of variant.spreadKeys ? (['measured', 'seeded'] as const) : (['measured'] as const)) checks.set(`${variant.server} ${apiKey} ${describeShape(shape)}`, { role: variant.server, apiKey, shape })
      }
    }
  }
  const problems: string[] = []
  const reported = new Set<GatewayRole>()
  for (const { role, apiKey, shape } of checks.values()) {
    const gateway = servers.get(role)
    const name = `${GATEWAY_SETUPS[role].name}, ${describeShape(shape)}${apiKey === 'seeded' ? ', seeded key' : ''}`
    if (isUnavailable(gateway)) {
      if (!gateway.skipped && !reported.has(role)) problems.push(`${GATEWAY_SETUPS[role].name}: ${gateway.unavailable}`)
      reported.add(role)
      continue
    }
    const key = apiKey === 'seeded' ? gateway.spreadKeys.at(-1) : gateway.apiKey
    if (!key) {
      problems.push(`${name}: no seeded keys`)
      continue
    }
    const { path, headers, body, terminal } = clientRequestParts({ ...shape, apiKey: key })
    try {
      const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })
      const text = await response.text()
      if (response.status !== 200) problems.push(`${name}: HTTP ${response.status} ${text.slice(0, 300)}`)
      else if (terminal && !text.includes(terminal)) problems.push(`${name}: stream without ${terminal}: …${text.slice(-300)}`)
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`)
    }
  }
  return problems
}
