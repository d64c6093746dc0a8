import type { ConversionContext } from '@tollgate/core'

/**
 * Same-format fast path for Responses clients: the client's own body with the upstream model id.
 * Nothing else changes (usage always arrives in response.completed, so there is nothing to force).
 */
export function prepareOpenAIResponsesPassthroughBody(body: Record<string, unknown>, context: ConversionContext): Record<string, unknown> {
  return { ...body, model: context.modelId }
}
