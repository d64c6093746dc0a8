import type { CanonicalResponse } from '../../canonical'
import type { RenderContext } from '../../plugin/dialect'
import { toAnthropicStopReason, toAnthropicUsage, type AnthropicBlock, type AnthropicMessage } from '../../formats/anthropic-messages'
import { renderAnthropicContentBlock } from './render-anthropic-content'

/** Anthropic message ids start with `msg_`; ids minted elsewhere get the prefix. */
export const anthropicMessageId = (id: string) => (id.startsWith('msg_') ? id : `msg_${id}`)

/**
 * Canonical response → Anthropic message JSON. The model shown is the one the client asked for.
 * Top-level fields the Anthropic provider kept in `providerData.anthropic` (container, stop_details,
 * extra usage fields such as server_tool_use) are written back.
 */
export function renderAnthropicResponse(response: CanonicalResponse, context: RenderContext): AnthropicMessage {
  const content: AnthropicBlock[] = []
  for (const part of response.content) {
    const block = renderAnthropicContentBlock(part)
    if (block) content.push(block)
  }
  if (response.refusal) content.push({ type: 'text', text: response.refusal })
  const { usage: extraUsage, ...extra } = (response.providerData?.anthropic ?? {}) as { usage?: Record<string, unknown> }
  return {
    id: anthropicMessageId(response.id),
    type: 'message',
    role: 'assistant',
    model: context.model,
    content,
    stop_reason: toAnthropicStopReason(response.finishReason, response.rawFinishReason),
    stop_sequence: response.stopSequence ?? null,
    ...extra,
    usage: { ...extraUsage, ...toAnthropicUsage(response.usage) },
  }
}
