import { describe, expect, test } from 'bun:test'
import { createUsage, type StreamEvent } from '../../canonical'
import { parseSse } from '../../sse/sse-parser'
import { createAnthropicStreamRenderer } from './anthropic-stream-renderer'

const context = { model: 'claude-haiku-4-5', requestId: 'req_1', includeUsage: false }
const usage = createUsage({ noCache: 10, cacheRead: 5, cacheWrite: 2, text: 4 })

function render(events: StreamEvent[]) {
  const renderer = createAnthropicStreamRenderer(context)
  return events.map((event) => renderer.render(event)).join('')
}
const parsed = (events: StreamEvent[]) => parseSse(render(events)).map((event) => ({ event: event.event, data: JSON.parse(event.data) }))

describe('createAnthropicStreamRenderer', () => {
  test('a text stream, byte for byte', () => {
    const text = render([
      { type: 'response-start', id: 'chatcmpl-1', model: 'gpt-4o', created: 1, usage: createUsage({ noCache: 10 }) },
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'Hé "x"\n' },
      { type: 'text-end', index: 0 },
      { type: 'usage', usage },
      { type: 'finish', finishReason: 'stop', usage },
    ])
    expect(text).toBe(
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_chatcmpl-1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}\n\n' +
        'event: ping\ndata: {"type":"ping"}\n\n' +
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n' +
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hé \\"x\\"\\n"}}\n\n' +
        'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n' +
        'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":10,"cache_creation_input_tokens":2,"cache_read_input_tokens":5,"output_tokens":4}}\n\n' +
        'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    )
  })

  test('client indexes are contiguous from 0 despite canonical gaps; foreign reasoning shows only with text', () => {
    const events = parsed([
      { type: 'response-start', id: 'msg_1', model: 'x', created: 1 },
      { type: 'reasoning-start', index: 0, provider: 'openai' },
      { type: 'reasoning-signature', index: 0, encryptedContent: 'gAAA' },
      { type: 'reasoning-end', index: 0 },
      { type: 'reasoning-start', index: 1 },
      { type: 'reasoning-delta', index: 1, delta: 'hm' },
      { type: 'reasoning-end', index: 1 },
      { type: 'text-start', index: 3 },
      { type: 'text-delta', index: 3, delta: 'a' },
      { type: 'text-end', index: 3 },
      { type: 'tool-call-start', index: 5, id: 'call_1', name: 'get' },
      { type: 'tool-call-delta', index: 5, argumentsDelta: '{"a":' },
      { type: 'tool-call-delta', index: 5, argumentsDelta: '1}' },
      { type: 'tool-call-end', index: 5 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'tool_calls', usage },
    ])
    expect(events.slice(2)).toEqual([
      { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } } },
      { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hm' } } },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
      { event: 'content_block_start', data: { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } } },
      { event: 'content_block_delta', data: { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'a' } } },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
      { event: 'content_block_start', data: { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'call_1', name: 'get', input: {} } } },
      { event: 'content_block_delta', data: { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"a":' } } },
      { event: 'content_block_delta', data: { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '1}' } } },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 2 } },
      { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 10, cache_creation_input_tokens: 2, cache_read_input_tokens: 5, output_tokens: 4 } } },
      { event: 'message_stop', data: { type: 'message_stop' } },
    ])
  })

  test('Anthropic thinking with signature, redacted thinking, provider blocks, citations, stop sequence', () => {
    const serverToolUse = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'weather' } }
    const searchResult = { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [{ type: 'web_search_result', url: 'https://x' }] }
    const citation = { type: 'web_search_result_location', url: 'https://x', cited_text: 'c' }
    const events = parsed([
      { type: 'response-start', id: 'msg_1', model: 'x', created: 1 },
      { type: 'reasoning-start', index: 0, provider: 'anthropic' },
      { type: 'reasoning-delta', index: 0, delta: 't' },
      { type: 'reasoning-signature', index: 0, signature: 'EuYD' },
      { type: 'reasoning-end', index: 0 },
      { type: 'reasoning-start', index: 1, redactedData: 'EqkE', provider: 'anthropic' },
      { type: 'reasoning-end', index: 1 },
      { type: 'provider-block', index: 2, provider: 'anthropic', block: serverToolUse },
      { type: 'provider-block', index: 3, provider: 'anthropic', block: searchResult },
      { type: 'provider-block', index: 4, provider: 'gemini', block: { type: 'x' } },
      { type: 'text-start', index: 5, providerData: { anthropic: { citations: [] } } },
      { type: 'text-delta', index: 5, delta: 'w' },
      { type: 'text-end', index: 5, providerData: { anthropic: { citations: [citation] } } },
      { type: 'finish', finishReason: 'stop-sequence', stopSequence: '```', usage },
    ]).map((event) => event.data)
    expect(events.slice(2, -2)).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 't' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EuYD' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'redacted_thinking', data: 'EqkE' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { ...serverToolUse, input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"query":"weather"}' } },
      { type: 'content_block_stop', index: 2 },
      { type: 'content_block_start', index: 3, content_block: searchResult },
      { type: 'content_block_stop', index: 3 },
      { type: 'content_block_start', index: 4, content_block: { type: 'text', text: '', citations: [] } },
      { type: 'content_block_delta', index: 4, delta: { type: 'text_delta', text: 'w' } },
      { type: 'content_block_delta', index: 4, delta: { type: 'citations_delta', citation } },
      { type: 'content_block_stop', index: 4 },
    ])
    expect(events.at(-2).delta).toEqual({ stop_reason: 'stop_sequence', stop_sequence: '```' })
  })

  test('OpenAI refusal text gets its own text block, closed before the end', () => {
    const events = parsed([
      { type: 'response-start', id: 'msg_1', model: 'x', created: 1 },
      { type: 'refusal-delta', delta: "I can't" },
      { type: 'refusal-delta', delta: ' help.' },
      { type: 'finish', finishReason: 'refusal', usage },
    ]).map((event) => event.data)
    expect(events.slice(2)).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: "I can't" } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' help.' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'refusal', stop_sequence: null }, usage: { input_tokens: 10, cache_creation_input_tokens: 2, cache_read_input_tokens: 5, output_tokens: 4 } },
      { type: 'message_stop' },
    ])
  })

  test('error: `event: error` and nothing after it (no message_stop)', () => {
    const renderer = createAnthropicStreamRenderer(context)
    renderer.render({ type: 'response-start', id: 'msg_1', model: 'x', created: 1 })
    renderer.render({ type: 'text-start', index: 0 })
    expect(renderer.render({ type: 'error', error: { status: 503, type: 'overloaded_error', message: 'Overloaded' } })).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
    )
    expect(renderer.render({ type: 'text-delta', index: 0, delta: 'late' })).toBe('')
    expect(renderer.render({ type: 'finish', finishReason: 'stop', usage })).toBe('')
    const truncated = createAnthropicStreamRenderer(context).render({ type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'cut' } })
    expect(JSON.parse(parseSse(truncated)[0].data)).toEqual({ type: 'error', error: { type: 'api_error', message: 'cut' } })
  })
})
