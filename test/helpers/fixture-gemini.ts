import { parseSse } from '@tollgate/core'

/** The text a recorded Gemini SSE stream carries (candidate 0, non-thought text parts). */
export function geminiStreamText(sse: string): string {
  return parseSse(sse)
    .flatMap((event) => JSON.parse(event.data).candidates?.[0]?.content?.parts ?? [])
    .filter((part: { text?: string; thought?: boolean }) => typeof part.text === 'string' && !part.thought)
    .map((part: { text: string }) => part.text)
    .join('')
}
