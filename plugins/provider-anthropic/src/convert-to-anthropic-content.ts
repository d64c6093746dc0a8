import {
  GatewayError,
  parseToolInput,
  toAnthropicReasoningBlock,
  toAnthropicTextBlock,
  type AnthropicBlock,
  type AssistantPart,
  type FilePart,
  type MediaSource,
  type TextPart,
  type ToolResultPart,
  type UserPart,
} from '@tollgate/core'

function toAnthropicSource(source: MediaSource): Record<string, unknown> {
  switch (source.kind) {
    case 'url':
      return { type: 'url', url: source.url }
    case 'base64':
      return { type: 'base64', media_type: source.mediaType, data: source.data }
    case 'file-id':
      return { type: 'file', file_id: source.fileId }
  }
}

function base64ToUtf8(data: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(data), (character) => character.charCodeAt(0)))
}

/** A file becomes a document; base64 text/plain goes back to a `text` source. filename serves as title. */
function toDocumentBlock(part: FilePart): AnthropicBlock {
  const { source } = part
  const title = part.title ?? part.filename
  const documentSource =
    source.kind === 'base64' && source.mediaType === 'text/plain'
      ? { type: 'text', media_type: 'text/plain', data: base64ToUtf8(source.data) }
      : toAnthropicSource(source)
  return { ...part.providerData?.anthropic, type: 'document', source: documentSource, ...(title !== undefined && { title }) }
}

/** Anthropic rejects empty text blocks: an empty text part with nothing attached is left out. */
const toTextBlock = (part: TextPart) => (part.text === '' && !part.providerData ? undefined : toAnthropicTextBlock(part))

/** Only Anthropic's own opaque blocks go back to Anthropic. */
const toProviderBlock = (part: { provider: string; block: Record<string, unknown> }) =>
  part.provider === 'anthropic' ? (part.block as AnthropicBlock) : undefined

function toToolResultBlock(part: ToolResultPart, param: string): AnthropicBlock {
  const content =
    typeof part.content === 'string'
      ? part.content
      : part.content.flatMap((inner, index) => toAnthropicUserBlock(inner, `${param}.content.${index}`) ?? [])
  return {
    ...part.providerData?.anthropic,
    type: 'tool_result',
    tool_use_id: part.toolCallId,
    ...(content !== '' && { content }),
    ...(part.isError !== undefined && { is_error: part.isError }),
  }
}

/** A user-side part (user turns and tool results) → content block; undefined leaves it out. */
export function toAnthropicUserBlock(part: UserPart | ToolResultPart, param: string): AnthropicBlock | undefined {
  switch (part.type) {
    case 'text':
      return toTextBlock(part)
    case 'image':
      return { ...part.providerData?.anthropic, type: 'image', source: toAnthropicSource(part.source) }
    case 'file':
      return toDocumentBlock(part)
    case 'audio':
      throw new GatewayError({ status: 400, message: 'Anthropic models do not accept audio input', param })
    case 'tool-result':
      return toToolResultBlock(part, param)
    case 'provider-block':
      return toProviderBlock(part)
  }
}

/**
 * An assistant part → content block. Reasoning not minted by Anthropic (or without its signature)
 * is left out; tool-call arguments must be a JSON object (else 400 with the param).
 */
export function toAnthropicAssistantBlock(part: AssistantPart, param: string): AnthropicBlock | undefined {
  switch (part.type) {
    case 'text':
      return toTextBlock(part)
    case 'reasoning':
      return toAnthropicReasoningBlock(part)
    case 'tool-call': {
      const input = parseToolInput(part.arguments)
      if (!input) throw new GatewayError({ status: 400, message: 'Tool call arguments must be a JSON object', param: `${param}.arguments` })
      return { ...part.providerData?.anthropic, type: 'tool_use', id: part.id, name: part.name, input }
    }
    case 'provider-block':
      return toProviderBlock(part)
  }
}
