import {
  convertToGeminiModelParts,
  GatewayError,
  requiresThoughtSignatures,
  SKIP_THOUGHT_SIGNATURE_VALIDATOR,
  type CanonicalRequest,
  type GeminiContent,
  type GeminiPart,
  type TextPart,
  type Warning,
} from '@tollgate/core'
import { toGeminiFunctionResponse, toGeminiUserPart } from './convert-to-gemini-user-parts'

/** The name of each tool call in the conversation (OpenAI tool results do not carry it; Gemini needs it). */
function toolNames(request: CanonicalRequest): Map<string, string> {
  const names = new Map<string, string>()
  for (const message of request.messages) {
    if (message.role === 'assistant') for (const part of message.content) if (part.type === 'tool-call') names.set(part.id, part.name)
  }
  return names
}

/**
 * Gemini 3 rejects a function call turn without its thought signature. History from another model
 * (or a client that could not keep the signature, e.g. through the Anthropic dialect) has none: the
 * first call of such a turn gets Google's documented placeholder, with a warning.
 */
function fillMissingSignatures(contents: GeminiContent[], modelId: string, warnings: Warning[]) {
  if (!requiresThoughtSignatures(modelId)) return
  let filled = 0
  for (const content of contents) {
    const calls = content.role === 'model' ? (content.parts ?? []).filter((part) => part.functionCall) : []
    if (calls.length === 0 || calls.some((part) => part.thoughtSignature !== undefined)) continue
    calls[0].thoughtSignature = SKIP_THOUGHT_SIGNATURE_VALIDATOR
    filled++
  }
  if (filled > 0) warnings.push({ param: 'messages', message: `${filled} function call turn(s) had no Gemini thought signature (history from another model); sent with Google's skip_thought_signature_validator` })
}

/**
 * Canonical messages → Gemini `contents` (+ the system text). Assistant turns are `model` contents
 * (Gemini reasoning back on its parts, other providers' reasoning dropped); user turns and tool
 * results are `user` contents, a tool result joining the user content next to it (Gemini wants all
 * responses to a turn's calls together). System messages inside the conversation join the system
 * instruction, with a warning. Empty turns are left out.
 */
export function convertToGeminiContents(request: CanonicalRequest, modelId: string, warnings: Warning[]): { contents: GeminiContent[]; system: TextPart[] } {
  const system = [...(request.system ?? [])]
  const names = toolNames(request)
  const contents: GeminiContent[] = []
  let previous: string | undefined
  request.messages.forEach((message, index) => {
    const param = `messages.${index}.content`
    if (message.role === 'system') {
      if (contents.length > 0) warnings.push({ param: `messages.${index}`, message: 'moved to the system instruction (Gemini has no system messages inside the conversation)' })
      system.push(...message.content)
      return
    }
    let parts: GeminiPart[]
    if (message.role === 'assistant') {
      parts = convertToGeminiModelParts(message.content, { foreignReasoning: 'drop', invalidArguments: 'reject', param })
    } else {
      parts = message.content.flatMap((part, j): GeminiPart[] => {
        if (part.type !== 'tool-result') {
          const converted = toGeminiUserPart(part, `${param}.${j}`, warnings)
          return converted ? [converted] : []
        }
        const name = part.name ?? names.get(part.toolCallId)
        if (name === undefined) throw new GatewayError({ status: 400, message: `No tool call '${part.toolCallId}' precedes this tool result, and Gemini needs the function name`, param: `${param}.${j}` })
        return toGeminiFunctionResponse(part, name, `${param}.${j}`, warnings)
      })
    }
    const role = message.role === 'assistant' ? 'model' : 'user'
    const last = contents.at(-1)
    if (parts.length > 0) {
      if (last?.role === 'user' && role === 'user' && (message.role === 'tool' || previous === 'tool')) last.parts!.push(...parts)
      else contents.push({ role, parts })
    }
    previous = message.role
  })
  fillMissingSignatures(contents, modelId, warnings)
  return { contents, system }
}
