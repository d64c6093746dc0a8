import {
  GatewayError,
  GEMINI_WIRE,
  isMintedGeminiToolCallId,
  type FilePart,
  type GeminiPart,
  type ImagePart,
  type MediaSource,
  type ToolResultPart,
  type UserPart,
  type Warning,
} from '@tollgate/core'

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic', heif: 'image/heif' }
/** File references Gemini can read itself: its File API, Cloud Storage, and web URLs. */
const GEMINI_FILE = /^(https?:\/\/|gs:\/\/|files\/)/

type Extra = Record<string, any>

/** `data:<type>;base64,<data>` → inline bytes. */
function parseDataUrl(url: string): { mimeType: string; data: string } | undefined {
  const match = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s.exec(url)
  return match ? { mimeType: match[1], data: match[2] } : undefined
}

/** The image media type a URL's file extension names, if any. */
export function imageTypeOf(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase()
  return extension ? IMAGE_TYPES[extension] : undefined
}

/** A media source → inlineData or fileData; a media type known from the part (or kept in providerData) goes with it. */
function mediaPart(source: MediaSource, mediaType: string | undefined, extra: Extra, param: string): GeminiPart {
  const { inlineData, fileData, ...partExtra } = extra
  if (source.kind === 'base64') return { ...partExtra, inlineData: { mimeType: mediaType ?? source.mediaType, ...inlineData, data: source.data } }
  const url = source.kind === 'url' ? source.url : source.fileId
  const dataUrl = parseDataUrl(url)
  if (dataUrl) return { ...partExtra, inlineData: { mimeType: dataUrl.mimeType, ...inlineData, data: dataUrl.data } }
  if (source.kind === 'file-id' && !GEMINI_FILE.test(url)) {
    throw new GatewayError({ status: 400, message: `Gemini cannot read the file id '${url}' of another provider; send the file's content or a URL`, param })
  }
  return { ...partExtra, fileData: { ...(mediaType && { mimeType: mediaType }), ...fileData, fileUri: url } }
}

function imagePart(part: ImagePart, param: string, warnings: Warning[]): GeminiPart {
  // `auto` is everyone's default, so only an explicit low/high detail is lost.
  if (part.detail !== undefined && part.detail !== 'auto') warnings.push({ param: `${param}.detail`, message: `image detail '${part.detail}' has no Gemini equivalent; ignored` })
  const mediaType = part.source.kind === 'url' ? imageTypeOf(part.source.url) : undefined
  return mediaPart(part.source, mediaType, part.providerData?.[GEMINI_WIRE] ?? {}, param)
}

const filePart = (part: FilePart, param: string) => mediaPart(part.source, part.mediaType, part.providerData?.[GEMINI_WIRE] ?? {}, param)

/** A canonical user part → a Gemini part; undefined leaves it out (another provider's opaque block). */
export function toGeminiUserPart(part: UserPart, param: string, warnings: Warning[]): GeminiPart | undefined {
  switch (part.type) {
    case 'text':
      return { ...part.providerData?.[GEMINI_WIRE], text: part.text }
    case 'image':
      return imagePart(part, param, warnings)
    case 'audio': {
      const { inlineData, ...partExtra } = (part.providerData?.[GEMINI_WIRE] ?? {}) as Extra
      return { ...partExtra, inlineData: { mimeType: `audio/${part.format}`, ...inlineData, data: part.data } }
    }
    case 'file':
      return filePart(part, param)
    case 'provider-block':
      return part.provider === GEMINI_WIRE ? (part.block as GeminiPart) : undefined
  }
}

/** Tool result content → the functionResponse `response` object: a JSON object result as is, other text as `output` (`error` when it failed). */
function responseOf(text: string, isError: boolean | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>
  } catch {
    // plain text
  }
  return isError ? { error: text } : { output: text }
}

/**
 * A tool result → a functionResponse part (Gemini matches it to its call by name, and by id when the
 * call had one), followed by the images and files of a multimodal result as parts of their own.
 */
export function toGeminiFunctionResponse(part: ToolResultPart, name: string, param: string, warnings: Warning[]): GeminiPart[] {
  const blocks = typeof part.content === 'string' ? [{ type: 'text' as const, text: part.content }] : part.content
  const text = blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n')
  const media = blocks.flatMap((block, index) => (block.type === 'image' || block.type === 'file' ? [toGeminiUserPart(block, `${param}.content.${index}`, warnings)!] : []))
  const { functionResponse: responseExtra, ...partExtra } = (part.providerData?.[GEMINI_WIRE] ?? {}) as Extra
  const functionResponse = { ...responseExtra, ...(!isMintedGeminiToolCallId(part.toolCallId) && { id: part.toolCallId }), name, response: responseOf(text, part.isError) }
  return [{ ...partExtra, functionResponse }, ...media]
}
