import { GatewayError, type AudioPart, type FilePart, type ImagePart, type TextPart } from '@tollgate/core'

const WIRE = 'openai-responses'
export type OpenAIResponsesWirePart = Record<string, unknown>
export type OpenAIResponsesContentSource = TextPart | ImagePart | FilePart | AudioPart

/** `application/pdf` -> `file.pdf`: OpenAI wants a file name with inline file data. */
const defaultFilename = (mediaType: string) => `file.${mediaType.split('/')[1]?.split(/[+;]/)[0] || 'bin'}`

/** One text part written back as an array part; its own wire fields (type, annotations, ...) come back from providerData. */
export function convertToOpenAIResponsesTextPart(part: TextPart, defaultType: 'input_text' | 'output_text'): OpenAIResponsesWirePart {
  const extra = part.providerData?.[WIRE]
  if (extra?.type === 'refusal' || part.providerData?.['openai-chat']?.type === 'refusal') return { ...extra, type: 'refusal', refusal: part.text }
  return { type: defaultType, text: part.text, ...extra }
}

/** A canonical user (or tool result) part -> a Responses input content part (base64 media as data: URLs). */
export function convertToOpenAIResponsesContentPart(part: OpenAIResponsesContentSource, param: string): OpenAIResponsesWirePart {
  const extra = part.providerData?.[WIRE]
  switch (part.type) {
    case 'text':
      return convertToOpenAIResponsesTextPart(part, 'input_text')
    case 'image': {
      const { source } = part
      const image: OpenAIResponsesWirePart =
        source.kind === 'file-id'
          ? { type: 'input_image', file_id: source.fileId }
          : { type: 'input_image', image_url: source.kind === 'url' ? source.url : `data:${source.mediaType};base64,${source.data}` }
      if (part.detail !== undefined) image.detail = part.detail
      return { ...image, ...extra }
    }
    case 'file': {
      const { source } = part
      if (source.kind === 'file-id') return { type: 'input_file', file_id: source.fileId, ...(part.filename !== undefined && { filename: part.filename }), ...extra }
      if (source.kind === 'url') return { type: 'input_file', file_url: source.url, ...(part.filename !== undefined && { filename: part.filename }), ...extra }
      return { type: 'input_file', file_data: `data:${source.mediaType};base64,${source.data}`, filename: part.filename ?? defaultFilename(source.mediaType), ...extra }
    }
    case 'audio':
      return { type: 'input_audio', input_audio: { data: part.data, format: part.format }, ...extra }
    default:
      throw new GatewayError({ status: 400, message: 'Unsupported content part for the Responses API', param })
  }
}
