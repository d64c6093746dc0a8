import { parseSse } from '@tollgate/core'

/**
 * Folds Anthropic stream events into the final message the way the official SDKs do (deltas
 * appended per block index, tool input parsed from its joined fragments, message_delta merged), so two streams
 * can be compared by what a client ends up with. Records an error event instead of a stop.
 */
export function accumulateAnthropicEvents(sse: string) {
  let message: any
  let error: unknown
  const json: Record<number, string> = {}
  for (const { event, data } of parseSse(sse)) {
    if (event === 'ping') continue
    const payload = JSON.parse(data)
    switch (event) {
      case 'message_start':
        message = structuredClone(payload.message)
        break
      case 'content_block_start':
        message.content[payload.index] = structuredClone(payload.content_block)
        break
      case 'content_block_delta': {
        const block = message.content[payload.index]
        const delta = payload.delta
        if (delta.type === 'text_delta') block.text += delta.text
        else if (delta.type === 'thinking_delta') block.thinking += delta.thinking
        else if (delta.type === 'signature_delta') block.signature = delta.signature
        else if (delta.type === 'citations_delta') (block.citations ??= []).push(delta.citation)
        else if (delta.type === 'input_json_delta') json[payload.index] = (json[payload.index] ?? '') + delta.partial_json
        else throw new Error(`unknown delta ${delta.type}`)
        break
      }
      case 'content_block_stop':
        break
      case 'message_delta':
        Object.assign(message, payload.delta)
        Object.assign(message.usage, payload.usage)
        break
      case 'message_stop':
        message.stopped = true
        break
      case 'error':
        error = payload.error
        break
      default:
        throw new Error(`unknown event ${event}`)
    }
  }
  // Tool input: the joined JSON text, parsed (or kept raw when cut short, e.g. by max_tokens).
  for (const [index, text] of Object.entries(json)) {
    if (text === '') continue
    try {
      message.content[index].input = JSON.parse(text)
    } catch {
      message.content[index].input = { partial_json: text }
    }
  }
  return { message, error }
}
