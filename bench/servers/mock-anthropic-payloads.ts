/**
 * Anthropic Messages payloads shaped like real claude-haiku-4-5 traffic (see
 * /work/shared/fixtures/anthropic/stream-text.sse): a stream of 21 events (message_start,
 * content_block_start, ping, 15 text deltas, content_block_stop, message_delta, message_stop)
 * and the matching non-streaming message.
 */
const id = 'msg_01BenchTq7cYyYJeQ5DxcVUc6D'
const model = 'claude-haiku-4-5-20251001'
const tokens = ['The', ' capital', ' of', ' the', ' United', ' Kingdom', ' is', ' London', ',', ' on', ' the', ' River', ' Thames', '.', ' It']
const inputUsage = { input_tokens: 24, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } }

const encoder = new TextEncoder()
const sse = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

/** Encoded SSE events, ready to write. */
export const anthropicStreamEvents: Uint8Array<ArrayBuffer>[] = [
  sse('message_start', {
    type: 'message_start',
    message: { model, id, type: 'message', role: 'assistant', content: [], stop_reason: null, stop_sequence: null, usage: { ...inputUsage, output_tokens: 2, service_tier: 'standard' } },
  }),
  sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
  sse('ping', { type: 'ping' }),
  ...tokens.map((text) => sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
  sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
  sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { ...inputUsage, output_tokens: tokens.length } }),
  sse('message_stop', { type: 'message_stop' }),
]

/** The non-streaming message body (same text as the stream). */
export const anthropicMessageBody = encoder.encode(
  JSON.stringify({
    model,
    id,
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text: tokens.join('') }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { ...inputUsage, output_tokens: tokens.length, service_tier: 'standard' },
  }),
)
