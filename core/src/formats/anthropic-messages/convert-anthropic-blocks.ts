import type {
  AssistantPart,
  FilePart,
  ImagePart,
  MediaSource,
  ProviderBlockPart,
  ProviderData,
  TextPart,
  ToolResultPart,
  UserPart,
} from '../../canonical/content'
import { GatewayError } from '../../errors/gateway-error'

type Block = Record<string, unknown>

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })

function requireString(value: unknown, param: string): string {
  if (typeof value !== 'string') throw invalid(`${param} must be a string`, param)
  return value
}

/** The block's fields that the canonical part has no slot for, kept as `providerData.anthropic`. */
function providerData(block: Block, known: readonly string[]): { providerData?: ProviderData } {
  let rest: Record<string, unknown> | undefined
  for (const key in block) if (!known.includes(key)) (rest ??= {})[key] = block[key]
  return rest ? { providerData: { anthropic: rest } } : {}
}

/** Blocks with no canonical equivalent travel verbatim. */
const opaque = (block: Block): ProviderBlockPart => ({ type: 'provider-block', provider: 'anthropic', block })

/** UTF-8 text → base64 (a `text` document source becomes a base64 text/plain file). */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** undefined: a source type this gateway does not know (the caller keeps the whole block). */
function mediaSource(source: unknown, param: string): MediaSource | undefined {
  if (!isRecord(source)) throw invalid(`${param} must be an object`, param)
  switch (source.type) {
    case 'base64':
      return { kind: 'base64', mediaType: requireString(source.media_type, `${param}.media_type`), data: requireString(source.data, `${param}.data`) }
    case 'url':
      return { kind: 'url', url: requireString(source.url, `${param}.url`) }
    case 'file':
      return { kind: 'file-id', fileId: requireString(source.file_id, `${param}.file_id`) }
  }
  return undefined
}

const textPart = (block: Block, param: string): TextPart => ({
  type: 'text',
  text: requireString(block.text, `${param}.text`),
  ...providerData(block, ['type', 'text']),
})

function imagePart(block: Block, param: string): ImagePart | ProviderBlockPart {
  const source = mediaSource(block.source, `${param}.source`)
  return source ? { type: 'image', source, ...providerData(block, ['type', 'source']) } : opaque(block)
}

/** PDF (base64 | url), plain text and file-id documents become files; `content` sources stay opaque. */
function documentPart(block: Block, param: string): FilePart | ProviderBlockPart {
  const raw = block.source
  let source: MediaSource | undefined
  if (isRecord(raw) && raw.type === 'text') {
    source = { kind: 'base64', mediaType: 'text/plain', data: utf8ToBase64(requireString(raw.data, `${param}.source.data`)) }
  } else {
    source = mediaSource(raw, `${param}.source`)
  }
  if (!source) return opaque(block)
  const mediaType = source.kind === 'base64' ? source.mediaType : source.kind === 'url' ? 'application/pdf' : undefined
  const hasTitle = typeof block.title === 'string'
  return {
    type: 'file',
    source,
    ...(mediaType && { mediaType }),
    ...(hasTitle && { title: block.title as string }),
    ...providerData(block, hasTitle ? ['type', 'source', 'title'] : ['type', 'source']),
  }
}

function toolResultPart(block: Block, param: string): ToolResultPart {
  const raw = block.content
  let content: ToolResultPart['content']
  if (raw === undefined || typeof raw === 'string') content = raw ?? ''
  else if (Array.isArray(raw)) {
    content = raw.map((item, index) => {
      const itemParam = `${param}.content.${index}`
      const inner = checkBlock(item, itemParam)
      if (inner.type === 'text') return textPart(inner, itemParam)
      if (inner.type === 'image') return imagePart(inner, itemParam)
      if (inner.type === 'document') return documentPart(inner, itemParam)
      return opaque(inner)
    })
  } else throw invalid(`${param}.content must be a string or an array of content blocks`, `${param}.content`)
  const hasIsError = typeof block.is_error === 'boolean'
  return {
    type: 'tool-result',
    toolCallId: requireString(block.tool_use_id, `${param}.tool_use_id`),
    content,
    ...(hasIsError && { isError: block.is_error as boolean }),
    ...providerData(block, hasIsError ? ['type', 'tool_use_id', 'content', 'is_error'] : ['type', 'tool_use_id', 'content']),
  }
}

function checkBlock(block: unknown, param: string): Block & { type: string } {
  if (!isRecord(block)) throw invalid(`${param} must be a content block object`, param)
  if (typeof block.type !== 'string') throw invalid(`${param}.type must be a string`, `${param}.type`)
  return block as Block & { type: string }
}

/** A block of a user turn → canonical part; unknown types (search_result, container_upload, ...) stay opaque. */
export function convertAnthropicUserBlock(value: unknown, param: string): UserPart | ToolResultPart {
  const block = checkBlock(value, param)
  switch (block.type) {
    case 'text':
      return textPart(block, param)
    case 'image':
      return imagePart(block, param)
    case 'document':
      return documentPart(block, param)
    case 'tool_result':
      return toolResultPart(block, param)
  }
  return opaque(block)
}

/** A block of an assistant turn (history or response) → canonical part; server-tool blocks stay opaque. */
export function convertAnthropicAssistantBlock(value: unknown, param: string): AssistantPart {
  const block = checkBlock(value, param)
  switch (block.type) {
    case 'text':
      return textPart(block, param)
    case 'thinking': {
      const hasSignature = typeof block.signature === 'string'
      return {
        type: 'reasoning',
        text: requireString(block.thinking, `${param}.thinking`),
        ...(hasSignature && { signature: block.signature as string }),
        provider: 'anthropic',
        ...providerData(block, hasSignature ? ['type', 'thinking', 'signature'] : ['type', 'thinking']),
      }
    }
    case 'redacted_thinking':
      return {
        type: 'reasoning',
        text: '',
        redactedData: requireString(block.data, `${param}.data`),
        provider: 'anthropic',
        ...providerData(block, ['type', 'data']),
      }
    case 'tool_use': {
      const input = block.input ?? {}
      if (!isRecord(input)) throw invalid(`${param}.input must be an object`, `${param}.input`)
      return {
        type: 'tool-call',
        id: requireString(block.id, `${param}.id`),
        name: requireString(block.name, `${param}.name`),
        arguments: JSON.stringify(input),
        ...providerData(block, ['type', 'id', 'name', 'input']),
      }
    }
  }
  return opaque(block)
}
