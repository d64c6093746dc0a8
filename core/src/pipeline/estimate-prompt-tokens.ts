import type { CanonicalEmbeddingRequest, CanonicalRequest, ContentPart, TextPart } from '../canonical'

/** Characters per token of English text and JSON for the BPE tokenizers of the major providers (a rule of thumb). */
export const CHARACTERS_PER_TOKEN = 4
/** Tokens charged for an image, audio clip or document: between OpenAI's 765 (1024² image, high detail) and Anthropic's ~1,600. */
export const MEDIA_TOKENS = 1_000
/** Role and separator tokens around each message (OpenAI's documented 3–4). */
export const MESSAGE_OVERHEAD_TOKENS = 4

function partCharacters(part: ContentPart | TextPart): number {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return part.text.length
    case 'tool-call':
      return part.name.length + part.arguments.length
    case 'tool-result':
      return typeof part.content === 'string' ? part.content.length : part.content.reduce((sum, inner) => sum + partCharacters(inner as ContentPart), 0)
    case 'provider-block':
      return JSON.stringify(part.block).length
    default:
      return 0
  }
}

const mediaParts = (parts: ContentPart[]) => parts.filter((part) => part.type === 'image' || part.type === 'audio' || part.type === 'file').length

/**
 * The gateway's own estimate of a request's input tokens, for providers that cannot count them
 * (answers are marked as estimates): the characters of every text, tool call, tool result and
 * tool definition (as JSON) at 4 per token, plus 4 tokens per message and 1,000 per image, audio
 * clip or document. Expect ±20% on prose, more on code and non-Latin scripts.
 */
export function estimatePromptTokens(request: CanonicalRequest): number {
  let characters = 0
  let tokens = MESSAGE_OVERHEAD_TOKENS
  for (const part of request.system ?? []) characters += part.text.length
  for (const message of request.messages) {
    tokens += MESSAGE_OVERHEAD_TOKENS + MEDIA_TOKENS * mediaParts(message.content)
    for (const part of message.content) characters += partCharacters(part)
  }
  for (const tool of request.tools ?? []) characters += JSON.stringify({ name: tool.name, description: tool.description, parameters: tool.parameters }).length
  return tokens + Math.ceil(characters / CHARACTERS_PER_TOKEN)
}

/** Input tokens of an embeddings request when the provider reports none: token-id inputs exactly, texts at 4 characters per token. */
export function estimateEmbeddingTokens(request: CanonicalEmbeddingRequest): number {
  return request.inputs.reduce((sum, input) => sum + (input.type === 'tokens' ? input.tokens.length : Math.ceil(input.text.length / CHARACTERS_PER_TOKEN)), 0)
}
