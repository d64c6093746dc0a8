import {
  GatewayError,
  convertAnthropicAssistantBlock,
  convertAnthropicUsage,
  mapAnthropicStopReason,
  type AssistantPart,
  type CanonicalResponse,
  type ConversionContext,
} from '@tollgate/core'

const KNOWN = new Set(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage'])
const USAGE_COUNTERS = new Set(['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'])

function rest(object: Record<string, unknown>, known: Set<string>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined
  for (const key in object) if (!known.has(key)) (out ??= {})[key] = object[key]
  return out
}

/**
 * Anthropic message → canonical response. Server-tool blocks become provider blocks; top-level
 * fields without a canonical home (container, stop_details, ...) and usage details (cache_creation,
 * server_tool_use, service_tier, ...) are kept in `providerData.anthropic` (usage details under `usage`).
 */
export function convertAnthropicResponse(body: any, _context: ConversionContext): CanonicalResponse {
  let content: AssistantPart[]
  try {
    content = (Array.isArray(body?.content) ? body.content : []).map((block: unknown, index: number) => convertAnthropicAssistantBlock(block, `content.${index}`))
  } catch (error) {
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'invalid_upstream_response', message: `Anthropic returned an unreadable message: ${(error as Error).message}` })
  }
  const extra = rest(body, KNOWN) ?? {}
  const usageDetails = body.usage && rest(body.usage, USAGE_COUNTERS)
  if (usageDetails) extra.usage = usageDetails
  return {
    id: body.id,
    model: body.model,
    created: Math.floor(Date.now() / 1000),
    content,
    finishReason: mapAnthropicStopReason(body.stop_reason),
    ...(typeof body.stop_reason === 'string' && { rawFinishReason: body.stop_reason }),
    ...(typeof body.stop_sequence === 'string' && { stopSequence: body.stop_sequence }),
    usage: convertAnthropicUsage(body.usage),
    ...(Object.keys(extra).length > 0 && { providerData: { anthropic: extra } }),
  }
}
