import { GatewayError, type ProviderBlockPart, type TextPart, type UserPart } from '@tollgate/core'

const WIRE = 'openai-chat'
export type OpenAIChatWirePart = Record<string, unknown>
/** User parts OpenAI can take (provider-native blocks of other wire formats are skipped before). */
export type OpenAIChatUserPart = Exclude<UserPart, ProviderBlockPart>

const unsupported = (message: string, param: string): never => {
  throw new GatewayError({ status: 400, message, param })
}

/** One text part without OpenAI part fields -> a plain string; otherwise typed text parts (their extra fields merged back). */
export function convertToOpenAIChatTextContent(parts: TextPart[]): string | OpenAIChatWirePart[] {
  if (parts.length === 1 && parts[0].providerData?.[WIRE] === undefined) return parts[0].text
  return parts.map((part) => ({ type: 'text', text: part.text, ...part.providerData?.[WIRE] }))
}

/** A canonical user part -> an OpenAI content part (base64 media as data: URLs). */
export function convertToOpenAIChatContentPart(part: OpenAIChatUserPart, param: string): OpenAIChatWirePart {
  const extra = part.providerData?.[WIRE]
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text, ...extra }
    case 'audio':
      return { type: 'input_audio', input_audio: { data: part.data, format: part.format }, ...extra }
    case 'image': {
      const source = part.source
      if (source.kind === 'file-id') return unsupported('OpenAI Chat cannot reference an image by file id', param)
      const url = source.kind === 'url' ? source.url : `data:${source.mediaType};base64,${source.data}`
      return { type: 'image_url', image_url: part.detail === undefined ? { url } : { url, detail: part.detail }, ...extra }
    }
    case 'file': {
      const source = part.source
      if (source.kind === 'url') return unsupported('OpenAI Chat cannot read a file from a URL; send it as base64 or a file id', param)
      const file: Record<string, string> = source.kind === 'file-id' ? { file_id: source.fileId } : { file_data: `data:${source.mediaType};base64,${source.data}` }
      if (part.filename !== undefined) file.filename = part.filename
      return { type: 'file', file, ...extra }
    }
  }
}
