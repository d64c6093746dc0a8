import type { MediaSource, TextPart, UserPart } from '../../canonical/content'
import { fail, readObject, readOptionalString, readString, unknownFields } from './read-openai-chat-fields'

const WIRE = 'openai-chat'
const PART_KEYS: Record<string, ReadonlySet<string>> = {
  text: new Set(['type', 'text']),
  image_url: new Set(['type', 'image_url']),
  input_audio: new Set(['type', 'input_audio']),
  file: new Set(['type', 'file']),
}

/** `data:<media type>[;params];base64,<data>` -> base64 source; anything else -> undefined. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  if (!url.startsWith('data:')) return undefined
  const comma = url.indexOf(',')
  if (comma === -1 || !url.slice(0, comma).endsWith(';base64')) return undefined
  const semicolon = url.indexOf(';')
  return { mediaType: url.slice(5, semicolon), data: url.slice(comma + 1) }
}

function imageSource(url: string, param: string): MediaSource {
  const dataUrl = parseDataUrl(url)
  if (dataUrl) return { kind: 'base64', ...dataUrl }
  if (url.startsWith('https://') || url.startsWith('http://')) return { kind: 'url', url }
  return fail('Image URL must be an http(s) URL or a base64 data: URL', param)
}

/**
 * A text part that came inside a content array. It always carries `providerData['openai-chat']`
 * (its extra fields, possibly none) so the OpenAI provider renders it back as an array part.
 */
export function convertOpenAIChatTextPart(part: unknown, param: string): TextPart {
  const object = readObject(part, param)
  if (object.type !== 'text') fail(`Content part type '${object.type}' is not allowed here (text only)`, `${param}.type`)
  const text = readString(object.text, `${param}.text`)
  return { type: 'text', text, providerData: { [WIRE]: unknownFields(object, PART_KEYS.text) ?? {} } }
}

/** One user content part -> canonical. */
export function convertOpenAIChatContentPart(part: unknown, param: string): UserPart {
  const object = readObject(part, param)
  const type = object.type
  if (type === 'text') return convertOpenAIChatTextPart(object, param)
  let converted: UserPart
  if (type === 'image_url') {
    const image = readObject(object.image_url, `${param}.image_url`)
    const url = readString(image.url, `${param}.image_url.url`)
    converted = { type: 'image', source: imageSource(url, `${param}.image_url.url`) }
    const detail = readOptionalString(image.detail, `${param}.image_url.detail`)
    if (detail !== undefined) converted.detail = detail
  } else if (type === 'input_audio') {
    const audio = readObject(object.input_audio, `${param}.input_audio`)
    const data = readString(audio.data, `${param}.input_audio.data`)
    converted = { type: 'audio', data, format: readString(audio.format, `${param}.input_audio.format`) }
  } else if (type === 'file') {
    const file = readObject(object.file, `${param}.file`)
    const filename = readOptionalString(file.filename, `${param}.file.filename`)
    if (typeof file.file_id === 'string') {
      converted = { type: 'file', source: { kind: 'file-id', fileId: file.file_id } }
    } else {
      const dataUrl = parseDataUrl(readString(file.file_data, `${param}.file.file_data`))
      if (!dataUrl) fail('file_data must be a base64 data: URL', `${param}.file.file_data`)
      converted = { type: 'file', source: { kind: 'base64', ...dataUrl }, mediaType: dataUrl.mediaType }
    }
    if (filename !== undefined) converted.filename = filename
  } else {
    return fail(`Unsupported content part type '${String(type)}'`, `${param}.type`)
  }
  const extra = unknownFields(object, PART_KEYS[type])
  if (extra) converted.providerData = { [WIRE]: extra }
  return converted
}
