import { describe, expect, test } from 'bun:test'
import { createUsage, parseSse, type SseEvent } from '@tollgate/core'
import { convertSseText } from '@tollgate/core/testing'
import { joinDeltas, readResponsesFixture } from '../test-support/read-responses-fixture'
import { createOpenAIResponsesStreamConverter } from './openai-responses-stream-converter'

const context = { modelId: 'gpt-5' }
const convert = async (name: string) => convertSseText(await readResponsesFixture(name), createOpenAIResponsesStreamConverter(context))
const encryptedOf = (sse: string, itemId: string) =>
  parseSse(sse)
    .map((event) => JSON.parse(event.data))
    .find((data) => data.type === 'response.output_item.done' && data.item.id === itemId).item.encrypted_content as string
const feed = (events: Array<Record<string, unknown>>) => {
  const converter = createOpenAIResponsesStreamConverter(context)
  return [...events.flatMap((data) => converter.event({ event: String(data.type), data: JSON.stringify(data) } as SseEvent)), ...converter.end()]
}

describe('createOpenAIResponsesStreamConverter on recorded streams', () => {
  test('text (stream-text): exact events, usage from response.completed', async () => {
    expect(await convert('stream-text.sse')).toEqual([
      { type: 'response-start', id: 'resp_00592e63e61b66660169fab1b9f8e481a2b321356198d7ac1b', model: 'gpt-5.5-2026-04-23', created: 1778037177 },
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'pong' },
      { type: 'text-end', index: 0 },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'completed', usage: createUsage({ noCache: 11, text: 5 }) },
    ])
  })

  test('reasoning summary + encrypted content from output_item.done, then a function call (stream-reasoning-encrypted-content.step1)', async () => {
    const sse = await readResponsesFixture('stream-reasoning-encrypted-content.step1.sse')
    const reasoningId = 'rs_01830d662ab3856501693c321405c88190be3ab04d5782d5f9'
    expect(joinDeltas(await convert('stream-reasoning-encrypted-content.step1.sse'))).toEqual([
      { type: 'response-start', id: 'resp_01830d662ab3856501693c321345c88190b0de00f3b9975691', model: 'gpt-5.1-codex-max', created: 1765552659 },
      { type: 'reasoning-start', index: 0, id: reasoningId, provider: 'openai' },
      {
        type: 'reasoning-delta',
        index: 0,
        text: "**Calculating step-by-step using calculator**\n\nI'll compute 12 plus 7, then multiply the result by 3, and finally multiply that by 10, reporting the final product.",
        count: 32,
      },
      // The final encrypted content (output_item.done), not the provisional one of output_item.added.
      { type: 'reasoning-signature', index: 0, encryptedContent: encryptedOf(sse, reasoningId) },
      { type: 'reasoning-end', index: 0 },
      {
        type: 'tool-call-start',
        index: 1,
        id: 'call_AB6AaRZ1FYZB2RwS6A5vbdqn',
        name: 'calculator',
        providerData: { 'openai-responses': { id: 'fc_01830d662ab3856501693c32151234819091cfca267e98cc5f' } },
      },
      { type: 'tool-call-delta', index: 1, text: '{"a":12,"b":7,"op":"add"}', count: 13 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'completed', usage: createUsage({ noCache: 134, text: 28 }) },
    ])
  })

  test('web search: reasoning without summary, the web_search_call item as an OpenAI provider block, cached tokens (stream-web-search)', async () => {
    const events = joinDeltas(await convert('stream-web-search.sse'))
    expect(events.map((event) => event.type)).toEqual([
      'response-start', 'reasoning-start', 'reasoning-signature', 'reasoning-end', 'provider-block', 'reasoning-start', 'reasoning-signature', 'reasoning-end', 'text-start', 'text-delta', 'text-end', 'finish',
    ])
    expect(events[4]).toEqual({
      type: 'provider-block',
      index: 1,
      provider: 'openai',
      block: { id: 'ws_00a60507bf41223d0068c9d30021d081a0962d80d50c12e317', type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'weather: San Francisco, CA', sources: [{ type: 'api', name: 'oai-weather' }] } },
    })
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', rawFinishReason: 'completed', usage: createUsage({ noCache: 1143, cacheRead: 8320, text: 70, reasoning: 512 }) })
  })

  test('older stream without sequence_number (stream-function-call)', async () => {
    expect(joinDeltas(await convert('stream-function-call.sse'))).toEqual([
      { type: 'response-start', id: 'resp_67e554a155508191900ee113293c4c830794405d35281ae2', model: 'gpt-4o-2024-08-06', created: 1743082657 },
      { type: 'tool-call-start', index: 0, id: 'call_kL0PCQV7M2WMoVX8V8OtYSAL', name: 'get_capital', providerData: { 'openai-responses': { id: 'fc_67e554a1de488191af0831d35cbe082e0794405d35281ae2' } } },
      { type: 'tool-call-delta', index: 0, text: '{"country":"France"}', count: 5 },
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'completed', usage: createUsage({ noCache: 255, text: 16 }) },
    ])
  })

  test('error event mid-stream ends in an error; response.failed after it is ignored (stream-error-insufficient-quota)', async () => {
    expect(await convert('stream-error-insufficient-quota.sse')).toEqual([
      { type: 'response-start', id: 'resp_05500b38c2cd9bfc00691c7c9d222481a3b595421266dab424', model: 'gpt-5-nano-2025-08-07', created: 1763474589 },
      {
        type: 'error',
        error: {
          status: 429,
          type: 'rate_limit_error',
          code: 'insufficient_quota',
          param: null,
          message: 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
        },
      },
    ])
  })

  test('split at every byte (inside the multi-byte °, between \\r and \\n of CRLF framing): identical events (stream-web-search)', async () => {
    const sse = await readResponsesFixture('stream-web-search.sse')
    const whole = convertSseText(sse, createOpenAIResponsesStreamConverter(context))
    const crlf = sse.replaceAll('\n', '\r\n')
    const everyByte = Array.from({ length: new TextEncoder().encode(crlf).length - 1 }, (_, offset) => offset + 1)
    expect(convertSseText(crlf, createOpenAIResponsesStreamConverter(context), everyByte)).toEqual(whole)
    expect(whole.filter((event) => event.type === 'text-delta').some((event) => event.type === 'text-delta' && event.delta.includes('°'))).toBe(true)
  })

  test('a stream cut before its terminal ends with stream_truncated, blocks closed', async () => {
    const sse = await readResponsesFixture('stream-text.sse')
    const events = convertSseText(sse.slice(0, sse.indexOf('event: response.output_text.done')), createOpenAIResponsesStreamConverter(context))
    expect(events.slice(-2)).toEqual([
      { type: 'text-end', index: 0 },
      { type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } },
    ])
  })
})

describe('createOpenAIResponsesStreamConverter on other shapes', () => {
  const created = { type: 'response.created', response: { id: 'resp_1', model: 'gpt-5', created_at: 1 } }
  const completed = (usage = { input_tokens: 3, output_tokens: 4, output_tokens_details: { reasoning_tokens: 2 } }) => ({ type: 'response.completed', response: { status: 'completed', usage } })

  test('keep-alive events are ignored (they do not open the response)', () => {
    expect(feed([{ type: 'keepalive' }, created, completed()]).slice(0, 1)).toEqual([{ type: 'response-start', id: 'resp_1', model: 'gpt-5', created: 1 }])
  })

  test('several summary parts are joined by a blank line', () => {
    const item = { id: 'rs_1', type: 'reasoning', summary: [] }
    const events = feed([
      created,
      { type: 'response.output_item.added', output_index: 0, item },
      { type: 'response.reasoning_summary_part.added', item_id: 'rs_1', summary_index: 0 },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', summary_index: 0, delta: 'A' },
      { type: 'response.reasoning_summary_part.added', item_id: 'rs_1', summary_index: 1 },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', summary_index: 1, delta: 'B' },
      { type: 'response.output_item.done', output_index: 0, item: { ...item, encrypted_content: 'gAAA' } },
      completed(),
    ])
    expect(joinDeltas(events).slice(1, 5)).toEqual([
      { type: 'reasoning-start', index: 0, id: 'rs_1', provider: 'openai' },
      { type: 'reasoning-delta', index: 0, text: 'A\n\nB', count: 3 },
      { type: 'reasoning-signature', index: 0, encryptedContent: 'gAAA' },
      { type: 'reasoning-end', index: 0 },
    ])
  })

  test('custom tool call: input deltas become the JSON-escaped {"input": ...} arguments', () => {
    const item = { id: 'ctc_1', type: 'custom_tool_call', call_id: 'call_1', name: 'apply_patch', input: '' }
    const events = feed([
      created,
      { type: 'response.output_item.added', output_index: 0, item },
      { type: 'response.custom_tool_call_input.delta', item_id: 'ctc_1', delta: '*** Begin "Patch"\n' },
      { type: 'response.custom_tool_call_input.done', item_id: 'ctc_1', input: '*** Begin "Patch"\n' },
      { type: 'response.output_item.done', output_index: 0, item: { ...item, input: '*** Begin "Patch"\n' } },
      completed(),
    ])
    expect(joinDeltas(events).slice(1)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_1', name: 'apply_patch', providerData: { 'openai-responses': { type: 'custom_tool_call', id: 'ctc_1' } } },
      { type: 'tool-call-delta', index: 0, text: '{"input":"*** Begin \\"Patch\\"\\n"}', count: 3 },
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'completed', usage: createUsage({ noCache: 3, text: 2, reasoning: 2 }) },
    ])
    expect(JSON.parse((joinDeltas(events)[2] as { text: string }).text)).toEqual({ input: '*** Begin "Patch"\n' })
  })

  test('items that arrive only whole (no deltas) are delivered; refusal deltas; incomplete -> length; annotations on text-end', () => {
    const citation = { type: 'url_citation', url: 'https://x', title: 't', start_index: 0, end_index: 2 }
    const events = feed([
      created,
      { type: 'response.output_item.done', output_index: 0, item: { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{"a":1}' } },
      { type: 'response.output_item.done', output_index: 1, item: { id: 'msg_1', type: 'message', content: [{ type: 'output_text', text: 'Hi', annotations: [citation] }] } },
      { type: 'response.refusal.delta', item_id: 'msg_2', content_index: 0, delta: 'No.' },
      { type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, usage: { input_tokens: 5, output_tokens: 7 } } },
    ])
    expect(events.slice(1)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_1', name: 'f', providerData: { 'openai-responses': { id: 'fc_1' } } },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"a":1}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'text-start', index: 1 },
      { type: 'text-delta', index: 1, delta: 'Hi' },
      { type: 'text-end', index: 1, providerData: { 'openai-responses': { annotations: [citation] } } },
      { type: 'refusal-delta', delta: 'No.' },
      { type: 'finish', finishReason: 'length', rawFinishReason: 'max_output_tokens', usage: createUsage({ noCache: 5, text: 7 }) },
    ])
  })

  test('a call to a namespace member keeps its `namespace` from output_item.added', () => {
    const item = { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'spawn_agent', namespace: 'agents', arguments: '' }
    const events = feed([
      created,
      { type: 'response.output_item.added', output_index: 0, item },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 0, delta: '{}' },
      { type: 'response.output_item.done', output_index: 0, item: { ...item, arguments: '{}' } },
      { type: 'response.completed', response: { status: 'completed' } },
    ])
    expect(events.slice(1, -1)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_1', name: 'spawn_agent', providerData: { 'openai-responses': { id: 'fc_1', namespace: 'agents' } } },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
    ])
  })

  test('a failed response without a preceding error event; a non-JSON event', () => {
    expect(feed([created, { type: 'response.failed', response: { status: 'failed', error: { code: 'server_error', message: 'Key sk-abcdef123456 broke' } } }]).at(-1)).toEqual({
      type: 'error',
      error: { status: 502, type: 'upstream_error', code: 'server_error', param: null, message: 'Key sk-*** broke' },
    })
    const converter = createOpenAIResponsesStreamConverter(context)
    expect(converter.event({ event: 'response.created', data: '{"type":' })).toEqual([
      { type: 'error', error: { status: 502, type: 'upstream_error', code: 'invalid_upstream_chunk', message: 'Upstream sent a stream event that is not JSON' } },
    ])
    expect(converter.end()).toEqual([])
  })
})
