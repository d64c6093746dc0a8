import type { ModelInfo } from '@tollgate/core'

type Capability = NonNullable<ModelInfo['capabilities']>[number]
const base: Capability[] = ['tools', 'vision', 'pdf']
const thinking: Capability[] = [...base, 'reasoning']
const structured: Capability[] = [...thinking, 'json_schema']

/** Fills `max_tokens` when a client leaves it out (Anthropic requires it). */
const DEFAULT_MAX_TOKENS = 8192

const model = (id: string, maxOutputTokens: number, capabilities: Capability[]): ModelInfo => ({
  id,
  type: 'chat',
  contextWindow: 200_000,
  maxOutputTokens,
  defaultMaxTokens: Math.min(DEFAULT_MAX_TOKENS, maxOutputTokens),
  capabilities,
})

/**
 * Anthropic's models under their API aliases (what the gateway sends upstream). Context windows are
 * the standard 200k (1M is a beta on some models); dated ids also route here via the `claude-` prefix.
 */
export const anthropicModels: ModelInfo[] = [
  model('claude-opus-4-6', 128_000, structured),
  model('claude-sonnet-4-6', 64_000, structured),
  model('claude-opus-4-5', 64_000, structured),
  model('claude-sonnet-4-5', 64_000, structured),
  model('claude-haiku-4-5', 64_000, structured),
  model('claude-opus-4-1', 32_000, structured),
  model('claude-opus-4-0', 32_000, thinking),
  model('claude-sonnet-4-0', 64_000, thinking),
  model('claude-3-7-sonnet-latest', 64_000, thinking),
  model('claude-3-5-haiku-latest', 8_192, base),
]
