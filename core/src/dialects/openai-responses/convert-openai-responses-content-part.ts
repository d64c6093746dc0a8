import type { AudioPart, FilePart, ImagePart, MediaSource, TextPart } from '../../canonical/content'
import { parseDataUrl } from '../openai-chat/convert-openai-chat-content-part'
import { fail, readObject, readOptionalString, readString } from '../openai-chat/read-openai-chat-fields'
import { leftoverFields } from './leftover-fields'

const WIRE = 'openai-responses'
const TEXT_TYPES = new Set(['input_text', 'output_text'])
const KNOWN_KEYS: Record<string, ReadonlySet<string>> = {
  text: new Set(['text']),
  refusal: new Set(['refusal']),
  input_image: new Set(['type', 'image_url', 'file_id', 'detail']),
  input_file: new Set(['type', 'file_id', 'file_data', 'file_url', 'filename']),
  input_audio: new Set(['type', 'input_audio']),
}

export type OpenAIResponsesContentPart = TextPart | ImagePart | FilePart | AudioPart

/**
 * A text part from a content array keeps its wire fields (its `type` included) in providerData, so
 * the Responses provider writes an array part back (plain strings carry no providerData). An empty
 * text keeps none: other providers skip empty text without attachments.
 */
function textPart(text: string, object: Record<string, unknown>, known: ReadonlySet<string>): TextPart {
  const extra = leftoverFields(object, known)
  return text === '' && extra?.type !== 'refusal' ? { type: 'text', text } : { type: 'text', text, providerData: { [WIRE]: extra ?? {} } }
}

function imageSource(object: Record<string, any>, param: string): MediaSource {
  if (typeof object.file_id === 'string') return { kind: 'file-id', fileId: object.file_id }
  const url = readString(object.image_url, `${param}.image_url`)
  const dataUrl = parseDataUrl(url)
  if (dataUrl) return { kind: 'base64', ...dataUrl }
  if (url.startsWith('https://') || url.startsWith('http://')) return { kind: 'url', url }
  return fail('image_url must be an http(s) URL or a base64 data: URL', `${param}.image_url`)
}

function filePart(object: Record<string, any>, param: string): FilePart {
  let part: FilePart
  if (typeof object.file_id === 'string') part = { type: 'file', source: { kind: 'file-id', fileId: object.file_id } }
  else if (typeof object.file_url === 'string') part = { type: 'file', source: { kind: 'url', url: object.file_url } }
  else {
    const dataUrl = parseDataUrl(readString(object.file_data, `${param}.file_data`))
    if (!dataUrl) fail('file_data must be a base64 data: URL (data:<media type>;base64,...)', `${param}.file_data`)
    part = { type: 'file', source: { kind: 'base64', ...dataUrl }, mediaType: dataUrl.mediaType }
  }
  const filename = readOptionalString(object.filename, `${param}.filename`)
  if (filename !== undefined) part.filename = filename
  return part
}

/** One Responses content part (input_text, output_text, refusal, input_image, input_file, input_audio) -> canonical. */
export function convertOpenAIResponsesContentPart(part: unknown, param: string): OpenAIResponsesContentPart {
  const object = readObject(part, param)
  const type = object.type
  if (TEXT_TYPES.has(type)) return textPart(readString(object.text, `${param}.text`), object, KNOWN_KEYS.text)
  if (type === 'refusal') return textPart(readString(object.refusal, `${param}.refusal`), object, KNOWN_KEYS.refusal)
  let converted: Exclude<OpenAIResponsesContentPart, TextPart>
  if (type === 'input_image') {
    converted = { type: 'image', source: imageSource(object, param) }
    const detail = readOptionalString(object.detail, `${param}.detail`)
    if (detail !== undefined) converted.detail = detail
  } else if (type === 'input_file') {
    converted = filePart(object, param)
  } else if (type === 'input_audio') {
    const audio = readObject(object.input_audio, `${param}.input_audio`)
    converted = { type: 'audio', data: readString(audio.data, `${param}.input_audio.data`), format: readString(audio.format, `${param}.input_audio.format`) }
  } else {
    return fail(`Unsupported content part type '${String(type)}'`, `${param}.type`)
  }
  const extra = leftoverFields(object, KNOWN_KEYS[type])
  if (extra) converted.providerData = { [WIRE]: extra }
  return converted
}
