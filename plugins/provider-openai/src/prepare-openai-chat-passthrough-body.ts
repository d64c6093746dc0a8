import type { ConversionContext } from '@tollgate/core'

/**
 * Same-format fast path: the client's own OpenAI Chat body with the upstream model id, and (when
 * streaming) `stream_options.include_usage` forced on so the gateway can meter. Nothing else changes.
 */
export function prepareOpenAIChatPassthroughBody(body: Record<string, unknown>, context: ConversionContext): Record<string, unknown> {
  const prepared: Record<string, unknown> = { ...body, model: context.modelId }
  if (body.stream === true) {
    const options = typeof body.stream_options === 'object' && body.stream_options !== null ? body.stream_options : {}
    prepared.stream_options = { ...options, include_usage: true }
  }
  return prepared
}
