/** Encode one SSE event; `event` is omitted for data-only streams (OpenAI). */
export function encodeSse(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`
}
