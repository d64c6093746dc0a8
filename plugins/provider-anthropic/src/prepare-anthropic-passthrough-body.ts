import type { ConversionContext } from '@tollgate/core'

/**
 * Same-format fast path: the client's own Anthropic body goes upstream with the routed model id and
 * `max_tokens` filled from the catalogue when missing. Nothing else changes (unknown and beta
 * fields untouched); the input is not mutated.
 */
export function prepareAnthropicPassthroughBody(body: Record<string, unknown>, context: ConversionContext): Record<string, unknown> {
  return { ...body, model: context.modelId, max_tokens: body.max_tokens ?? context.model?.defaultMaxTokens ?? 4096 }
}
