import type { Provider } from '../plugin/provider-spec'

/** The lines printed at start: where to reach the gateway and what it serves. */
export function describeStartup(url: string, providers: Provider[]): string {
  const lines = [`Tollgate listening on ${url}`]
  for (const provider of providers) {
    const models = provider.models.slice(0, 4).map((model) => `${provider.id}/${model.id}`)
    lines.push(`  provider ${provider.id}: ${models.join(', ')}${provider.models.length > 4 ? ', ...' : ''}`)
  }
  if (providers.length === 0) lines.push('  no providers configured (set OPENAI_API_KEY or ANTHROPIC_API_KEY)')
  lines.push(`  OpenAPI: ${url}/openapi`)
  return lines.join('\n')
}
