import type { AudioPart, FilePart, ImagePart, ProviderData, ToolResultPart, UserPart } from '../../canonical/content'
import { GatewayError } from '../../errors/gateway-error'
import { GEMINI_WIRE, normalizeBase64 } from '../../formats/gemini'

type Part = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isRecord = (value: unknown): value is Part => typeof value === 'object' && value !== null && !Array.isArray(value)

function requireString(value: unknown, param: string): string {
  if (typeof value !== 'string') throw invalid(`${param} must be a string`, param)
  return value
}

/** The fields of `object` outside `known`, or undefined when none. */
function rest(object: Part, known: readonly string[]): Part | undefined {
  let extra: Part | undefined
  for (const key in object) if (!known.includes(key)) (extra ??= {})[key] = object[key]
  return extra
}

/** Part-level extras plus the extras of its inner object (`inlineData`, `fileData`, `functionResponse`) as providerData.gemini. */
function providerData(part: Part, inner: string, innerExtra: Part | undefined): { providerData?: ProviderData } {
  const extra = { ...rest(part, [inner]), ...(innerExtra && { [inner]: innerExtra }) }
  return Object.keys(extra).length > 0 ? { providerData: { gemini: extra } } : {}
}

/** The container format an `audio/*` media type names (mpeg is mp3, as OpenAI's input_audio calls it). */
export function audioFormat(mimeType: string): string {
  const subtype = mimeType.slice(mimeType.indexOf('/') + 1).toLowerCase()
  return subtype === 'mpeg' || subtype === 'mp3' ? 'mp3' : subtype.replace(/^x-/, '')
}

/** Inline bytes by media type; the data is normalised to standard base64 (SDKs send it url-safe). */
function inlineDataPart(part: Part, param: string): ImagePart | AudioPart | FilePart {
  const inline = part.inlineData
  if (!isRecord(inline)) throw invalid(`${param}.inlineData must be an object`, `${param}.inlineData`)
  const mediaType = requireString(inline.mimeType, `${param}.inlineData.mimeType`)
  const data = normalizeBase64(requireString(inline.data, `${param}.inlineData.data`))
  const innerExtra = rest(inline, ['mimeType', 'data'])
  if (mediaType.startsWith('image/')) return { type: 'image', source: { kind: 'base64', mediaType, data }, ...providerData(part, 'inlineData', innerExtra) }
  if (mediaType.startsWith('audio/')) {
    const format = audioFormat(mediaType)
    // The media type is kept when `audio/<format>` would not give it back (audio/mpeg, audio/x-wav, ...).
    const kept = mediaType === `audio/${format}` ? innerExtra : { ...innerExtra, mimeType: mediaType }
    return { type: 'audio', data, format, ...providerData(part, 'inlineData', kept) }
  }
  return { type: 'file', source: { kind: 'base64', mediaType, data }, mediaType, ...providerData(part, 'inlineData', innerExtra) }
}

/** A file reference (File API URI, YouTube or web URL, gs:// on Vertex). An image keeps its media type in providerData. */
function fileDataPart(part: Part, param: string): ImagePart | FilePart {
  const file = part.fileData
  if (!isRecord(file)) throw invalid(`${param}.fileData must be an object`, `${param}.fileData`)
  const url = requireString(file.fileUri, `${param}.fileData.fileUri`)
  const mediaType = file.mimeType === undefined ? undefined : requireString(file.mimeType, `${param}.fileData.mimeType`)
  if (mediaType?.startsWith('image/')) return { type: 'image', source: { kind: 'url', url }, ...providerData(part, 'fileData', rest(file, ['fileUri'])) }
  return { type: 'file', source: { kind: 'url', url }, ...(mediaType && { mediaType }), ...providerData(part, 'fileData', rest(file, ['fileUri', 'mimeType'])) }
}

/**
 * A function result. `response` (a JSON object) is the result's content as JSON text; a response
 * holding only `error` is an error result. Without an id, `resolveId(name)` links it to its call.
 */
function functionResponsePart(part: Part, param: string, resolveId: (name: string, id: string | undefined) => string): ToolResultPart {
  const result = part.functionResponse
  if (!isRecord(result)) throw invalid(`${param}.functionResponse must be an object`, `${param}.functionResponse`)
  const name = requireString(result.name, `${param}.functionResponse.name`)
  const id = result.id === undefined ? undefined : requireString(result.id, `${param}.functionResponse.id`)
  const response = result.response ?? {}
  if (!isRecord(response)) throw invalid(`${param}.functionResponse.response must be an object`, `${param}.functionResponse.response`)
  const keys = Object.keys(response)
  return {
    type: 'tool-result',
    toolCallId: resolveId(name, id),
    name,
    content: JSON.stringify(response),
    ...(keys.length === 1 && keys[0] === 'error' && { isError: true }),
    ...providerData(part, 'functionResponse', rest(result, ['id', 'name', 'response'])),
  }
}

/**
 * The parts of a Gemini `user` content → canonical user parts and tool results: text, inlineData
 * (image, audio or file by media type), fileData (image or file by URL) and functionResponse. Other
 * parts (executableCode, thoughts, ...) travel as Gemini provider blocks.
 */
export function convertGeminiUserParts(parts: unknown, param: string, resolveId: (name: string, id: string | undefined) => string): Array<UserPart | ToolResultPart> {
  if (parts === undefined) return []
  if (!Array.isArray(parts)) throw invalid(`${param} must be an array`, param)
  return parts.map((part, index): UserPart | ToolResultPart => {
    const partParam = `${param}.${index}`
    if (!isRecord(part)) throw invalid(`${partParam} must be an object`, partParam)
    if (part.functionResponse !== undefined) return functionResponsePart(part, partParam, resolveId)
    if (part.inlineData !== undefined) return inlineDataPart(part, partParam)
    if (part.fileData !== undefined) return fileDataPart(part, partParam)
    if (typeof part.text === 'string' && part.thought !== true) {
      const extra = rest(part, ['text'])
      return { type: 'text', text: part.text, ...(extra && { providerData: { gemini: extra } }) }
    }
    return { type: 'provider-block', provider: GEMINI_WIRE, block: part }
  })
}
