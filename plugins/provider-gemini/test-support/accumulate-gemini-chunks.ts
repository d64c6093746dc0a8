import { convertGeminiUsage, parseSse, type GeminiGenerateContentResponse } from '@tollgate/core'

/** The chunks of a Gemini stream: SSE `data:` events, or the elements of a JSON-array stream. */
export function geminiChunks(text: string): GeminiGenerateContentResponse[] {
  return text.trimStart().startsWith('[') ? JSON.parse(text) : parseSse(text).map((event) => JSON.parse(event.data))
}

/**
 * What a Gemini client ends up with after a stream (as the google-genai SDKs fold it): the answer
 * text, the thought text, the function calls with the signatures on them, every signature in order,
 * the last finishReason, the final usage (canonical, so tool-use prompt tokens count once), the
 * model version and response id, or the error.
 */
export function geminiClientView(chunks: Array<GeminiGenerateContentResponse & { error?: unknown }>) {
  let text = ''
  let thoughts = ''
  const calls: unknown[] = []
  const signatures: string[] = []
  let finishReason: string | undefined
  const error = chunks.find((chunk) => chunk.error)?.error
  for (const chunk of chunks) {
    const candidate = chunk.candidates?.[0]
    for (const part of candidate?.content?.parts ?? []) {
      if (part.thoughtSignature) signatures.push(part.thoughtSignature)
      if (part.functionCall) calls.push({ name: part.functionCall.name, args: part.functionCall.args, ...(part.thoughtSignature && { thoughtSignature: part.thoughtSignature }) })
      else if (part.thought) thoughts += part.text ?? ''
      else text += part.text ?? ''
    }
    finishReason = candidate?.finishReason ?? finishReason
  }
  const last = chunks.filter((chunk) => !chunk.error).at(-1)
  return { text, thoughts, calls, signatures, finishReason, usage: convertGeminiUsage(last?.usageMetadata), modelVersion: last?.modelVersion, responseId: last?.responseId, error }
}
