import { describe, expect, test } from 'bun:test'
import type { StreamEvent } from '../../canonical/stream-event'
import { createUsage } from '../../canonical/usage'
import { parseSse } from '../../sse/sse-parser'
import { createOpenAIChatStreamRenderer } from './openai-chat-stream-renderer'

const start: StreamEvent = { type: 'response-start', id: 'chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL', model: 'gpt-4o-2024-08-06', created: 1727346168 }
const usage = createUsage({ noCache: 14, text: 30 })
const head = '{"id":"chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL","object":"chat.completion.chunk","created":1727346168,"model":"gpt-4o",'

function render(events: StreamEvent[], includeUsage: boolean): string {
  const renderer = createOpenAIChatStreamRenderer({ model: 'gpt-4o', requestId: 'req_1', includeUsage })
  return events.map((event) => renderer.render(event)).join('')
}

const deltas = (text: string) => parseSse(text).filter((event) => event.data !== '[DONE]').map((event) => JSON.parse(event.data).choices[0]?.delta)

describe('createOpenAIChatStreamRenderer', () => {
  const textEvents: StreamEvent[] = [
    start,
    { type: 'text-start', index: 0 },
    { type: 'text-delta', index: 0, delta: "I'm" },
    { type: 'text-delta', index: 0, delta: ' "unable"' },
    { type: 'text-end', index: 0 },
    { type: 'finish', finishReason: 'stop', usage },
  ]

  test('with include_usage: every chunk has "usage":null, then a usage chunk with choices [], then [DONE]', () => {
    expect(render(textEvents, true)).toBe(
      `data: ${head}"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}\n\n` +
        `data: ${head}"choices":[{"index":0,"delta":{"content":"I'm"},"finish_reason":null}],"usage":null}\n\n` +
        `data: ${head}"choices":[{"index":0,"delta":{"content":" \\"unable\\""},"finish_reason":null}],"usage":null}\n\n` +
        `data: ${head}"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}\n\n` +
        `data: ${head}"choices":[],"usage":{"prompt_tokens":14,"completion_tokens":30,"total_tokens":44,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}\n\n` +
        'data: [DONE]\n\n',
    )
  })

  test('without include_usage: no usage field and no usage chunk', () => {
    expect(render(textEvents, false)).toBe(
      `data: ${head}"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n\n` +
        `data: ${head}"choices":[{"index":0,"delta":{"content":"I'm"},"finish_reason":null}]}\n\n` +
        `data: ${head}"choices":[{"index":0,"delta":{"content":" \\"unable\\""},"finish_reason":null}]}\n\n` +
        `data: ${head}"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n` +
        'data: [DONE]\n\n',
    )
  })

  test('tool call index is the ordinal among tool calls, not the content index', () => {
    const text = render(
      [
        start,
        { type: 'text-start', index: 0 },
        { type: 'text-delta', index: 0, delta: 'Checking.' },
        { type: 'text-end', index: 0 },
        { type: 'tool-call-start', index: 1, id: 'call_a', name: 'get_weather' },
        { type: 'tool-call-start', index: 2, id: 'call_b', name: 'get_stock_price' },
        { type: 'tool-call-delta', index: 2, argumentsDelta: '{"ticker":' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":"Paris"}' },
        { type: 'tool-call-delta', index: 2, argumentsDelta: '"AAPL"}' },
        { type: 'tool-call-end', index: 1 },
        { type: 'tool-call-end', index: 2 },
        { type: 'finish', finishReason: 'tool-calls', usage },
      ],
      false,
    )
    expect(deltas(text)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'Checking.' },
      { tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }] },
      { tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'get_stock_price', arguments: '' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '{"ticker":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"city":"Paris"}' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '"AAPL"}' } }] },
      {},
    ])
    expect(text).toContain('"finish_reason":"tool_calls"')
  })

  test('reasoning: reasoning_content + reasoning_details per block (thinking, signature, redacted, encrypted)', () => {
    const text = render(
      [
        start,
        { type: 'reasoning-start', index: 0, provider: 'anthropic' },
        { type: 'reasoning-delta', index: 0, delta: 'Two plus ' },
        { type: 'reasoning-delta', index: 0, delta: 'two.' },
        { type: 'reasoning-signature', index: 0, signature: 'EqQB' },
        { type: 'reasoning-end', index: 0 },
        { type: 'reasoning-start', index: 1, provider: 'anthropic', redactedData: 'EmwK' },
        { type: 'reasoning-end', index: 1 },
        { type: 'reasoning-start', index: 2, provider: 'openai', id: 'rs_1' },
        { type: 'reasoning-signature', index: 2, encryptedContent: 'gAAA' },
        { type: 'reasoning-end', index: 2 },
        { type: 'text-start', index: 3 },
        { type: 'text-delta', index: 3, delta: '4' },
        { type: 'text-end', index: 3 },
        { type: 'finish', finishReason: 'stop', usage },
      ],
      false,
    )
    const anthropic = { format: 'anthropic-claude-v1' }
    expect(deltas(text)).toEqual([
      { role: 'assistant', content: '' },
      { reasoning_content: 'Two plus ', reasoning_details: [{ type: 'reasoning.text', text: 'Two plus ', index: 0, ...anthropic }] },
      { reasoning_content: 'two.', reasoning_details: [{ type: 'reasoning.text', text: 'two.', index: 0, ...anthropic }] },
      { reasoning_details: [{ type: 'reasoning.text', text: '', signature: 'EqQB', index: 0, ...anthropic }] },
      { reasoning_details: [{ type: 'reasoning.encrypted', data: 'EmwK', index: 1, ...anthropic }] },
      { reasoning_details: [{ type: 'reasoning.encrypted', data: 'gAAA', index: 2, format: 'openai-responses-v1', id: 'rs_1' }] },
      { content: '4' },
      {},
    ])
  })

  test('refusal deltas; finish reason refusal renders as stop', () => {
    const text = render([start, { type: 'refusal-delta', delta: "I'm sorry" }, { type: 'finish', finishReason: 'refusal', usage }], false)
    expect(deltas(text)).toEqual([{ role: 'assistant', content: '' }, { refusal: "I'm sorry" }, {}])
    expect(text).toContain('"finish_reason":"stop"')
  })

  test('error: one error frame, no [DONE], nothing after it', () => {
    const text = render(
      [
        start,
        { type: 'text-start', index: 0 },
        { type: 'text-delta', index: 0, delta: 'Hel' },
        { type: 'error', error: { status: 529, type: 'overloaded_error', message: 'Overloaded' } },
        { type: 'finish', finishReason: 'stop', usage },
      ],
      true,
    )
    const events = parseSse(text)
    expect(events.at(-1)).toEqual({ event: undefined, id: undefined, data: '{"error":{"message":"Overloaded","type":"upstream_error","param":null,"code":null}}' })
    expect(text).not.toContain('[DONE]')
    expect(events).toHaveLength(3)
  })
})
