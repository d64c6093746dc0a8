import { parseSse } from '@tollgate/core'

/** The text a recorded OpenAI chat stream carries (choice 0 content deltas). */
export function openAIStreamText(sse: string): string {
  return parseSse(sse)
    .filter((event) => event.data !== '[DONE]')
    .map((event) => JSON.parse(event.data).choices?.[0]?.delta?.content ?? '')
    .join('')
}

/** The text a recorded Anthropic stream carries (text_delta events). */
export function anthropicStreamText(sse: string): string {
  return parseSse(sse)
    .filter((event) => event.event === 'content_block_delta')
    .map((event) => JSON.parse(event.data).delta)
    .filter((delta) => delta.type === 'text_delta')
    .map((delta) => delta.text)
    .join('')
}

/** Read a gateway SSE response into its events. */
export async function readSse(response: Response) {
  return parseSse(await response.text())
}
