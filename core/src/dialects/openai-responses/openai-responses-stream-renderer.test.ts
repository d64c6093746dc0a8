import { describe, expect, test } from 'bun:test'
import type { StreamEvent } from '../../canonical/stream-event'
import { createUsage } from '../../canonical/usage'
import { parseSse } from '../../sse/sse-parser'
import { createOpenAIResponsesStreamRenderer } from './openai-responses-stream-renderer'
import { readOpenAIResponsesTarget } from './read-openai-responses-target'

const start: StreamEvent = { type: 'response-start', id: 'resp_abc', model: 'gpt-5-2025-08-07', created: 1700000000 }
const usage = createUsage({ noCache: 10, cacheRead: 5, text: 3, reasoning: 4 })

function render(events: StreamEvent[], body: Record<string, unknown> = {}) {
  const renderer = createOpenAIResponsesStreamRenderer({ model: 'gpt-5', requestId: 'req_1', includeUsage: false, options: readOpenAIResponsesTarget(body).options })
  const text = events.map((event) => renderer.render(event)).join('')
  const parsed = parseSse(text).map((event) => ({ event: event.event, data: JSON.parse(event.data) }))
  // Every event is named after its type and numbered in order from 0.
  expect(parsed.map((event) => event.event)).toEqual(parsed.map((event) => event.data.type))
  expect(parsed.map((event) => event.data.sequence_number)).toEqual(parsed.map((_, index) => index))
  return parsed.map(({ data: { sequence_number: _, ...data } }) => data)
}

describe('createOpenAIResponsesStreamRenderer', () => {
  test('text: created, in_progress, item and part added, deltas, done events, completed with output and usage', () => {
    const events = render([
      start,
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'po' },
      { type: 'text-delta', index: 0, delta: 'ng "x"' },
      { type: 'text-end', index: 0 },
      { type: 'finish', finishReason: 'stop', usage },
    ])
    const message = { id: 'msg_abc_0', type: 'message', status: 'completed', content: [{ type: 'output_text', annotations: [], text: 'pong "x"' }], role: 'assistant' }
    const head = { item_id: 'msg_abc_0', output_index: 0, content_index: 0 }
    expect(events.slice(2, -1)).toEqual([
      { type: 'response.output_item.added', output_index: 0, item: { id: 'msg_abc_0', type: 'message', status: 'in_progress', content: [], role: 'assistant' } },
      { type: 'response.content_part.added', ...head, part: { type: 'output_text', annotations: [], text: '' } },
      { type: 'response.output_text.delta', ...head, logprobs: [], delta: 'po' },
      { type: 'response.output_text.delta', ...head, logprobs: [], delta: 'ng "x"' },
      { type: 'response.output_text.done', ...head, text: 'pong "x"', logprobs: [] },
      { type: 'response.content_part.done', ...head, part: { type: 'output_text', annotations: [], text: 'pong "x"' } },
      { type: 'response.output_item.done', output_index: 0, item: message },
    ])
    expect(events[0]).toEqual({ type: 'response.created', response: expect.objectContaining({ id: 'resp_abc', object: 'response', created_at: 1700000000, status: 'in_progress', model: 'gpt-5', output: [], usage: null }) })
    expect(events[1].type).toBe('response.in_progress')
    expect(events.at(-1)).toEqual({
      type: 'response.completed',
      response: expect.objectContaining({
        status: 'completed',
        output: [message],
        usage: { input_tokens: 15, input_tokens_details: { cached_tokens: 5 }, output_tokens: 7, output_tokens_details: { reasoning_tokens: 4 }, total_tokens: 22 },
      }),
    })
  })

  test('OpenAI reasoning (summary events, encrypted content on done) then a function call with argument deltas', () => {
    const events = render([
      start,
      { type: 'reasoning-start', index: 0, id: 'rs_1', provider: 'openai' },
      { type: 'reasoning-delta', index: 0, delta: '**Plan**' },
      { type: 'reasoning-signature', index: 0, encryptedContent: 'gAAAAABo' },
      { type: 'reasoning-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'call_1', name: 'multiply', providerData: { 'openai-responses': { id: 'fc_1' } } },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"a":' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '2}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: 'tool-calls', usage },
    ])
    const reasoning = { item_id: 'rs_1', output_index: 0, summary_index: 0 }
    const call = { item_id: 'fc_1', output_index: 1 }
    expect(events.slice(2)).toEqual([
      { type: 'response.output_item.added', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } },
      { type: 'response.reasoning_summary_part.added', ...reasoning, part: { type: 'summary_text', text: '' } },
      { type: 'response.reasoning_summary_text.delta', ...reasoning, delta: '**Plan**' },
      { type: 'response.reasoning_summary_text.done', ...reasoning, text: '**Plan**' },
      { type: 'response.reasoning_summary_part.done', ...reasoning, part: { type: 'summary_text', text: '**Plan**' } },
      { type: 'response.output_item.done', output_index: 0, item: { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: '**Plan**' }], encrypted_content: 'gAAAAABo' } },
      { type: 'response.output_item.added', output_index: 1, item: { id: 'fc_1', type: 'function_call', status: 'in_progress', arguments: '', call_id: 'call_1', name: 'multiply' } },
      { type: 'response.function_call_arguments.delta', ...call, delta: '{"a":' },
      { type: 'response.function_call_arguments.delta', ...call, delta: '2}' },
      { type: 'response.function_call_arguments.done', ...call, arguments: '{"a":2}' },
      { type: 'response.output_item.done', output_index: 1, item: { id: 'fc_1', type: 'function_call', status: 'completed', arguments: '{"a":2}', call_id: 'call_1', name: 'multiply' } },
      expect.objectContaining({ type: 'response.completed' }),
    ])
    expect(events.at(-1).response.output.map((item: { id: string }) => item.id)).toEqual(['rs_1', 'fc_1'])
  })

  test('text then a custom tool call (client-declared): the freeform input is unwrapped and sent whole; message closed first', () => {
    const events = render(
      [
        start,
        { type: 'text-start', index: 0 },
        { type: 'text-delta', index: 0, delta: 'Patching.' },
        { type: 'text-end', index: 0 },
        { type: 'tool-call-start', index: 1, id: 'toolu_1', name: 'apply_patch' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '{"input":"*** Begin' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: ' Patch\\n"}' },
        { type: 'tool-call-end', index: 1 },
        { type: 'finish', finishReason: 'tool-calls', usage },
      ],
      { tools: [{ type: 'custom', name: 'apply_patch' }] },
    )
    expect(events.slice(7).map((event) => event.type)).toEqual([
      'response.output_item.done',
      'response.output_item.added',
      'response.custom_tool_call_input.delta',
      'response.custom_tool_call_input.done',
      'response.output_item.done',
      'response.completed',
    ])
    expect(events[9]).toEqual({ type: 'response.custom_tool_call_input.delta', item_id: 'ctc_abc_1', output_index: 1, delta: '*** Begin Patch\n' })
    expect(events[11].item).toEqual({ id: 'ctc_abc_1', type: 'custom_tool_call', status: 'completed', call_id: 'toolu_1', name: 'apply_patch', input: '*** Begin Patch\n' })
  })

  test('a call to a namespace member under its flat name streams with its own name and `namespace` (added and done)', () => {
    const agents = { type: 'namespace', name: 'agents', description: 'Tools in the agents namespace.', tools: [{ type: 'function', name: 'spawn_agent' }] }
    const events = render(
      [
        start,
        { type: 'tool-call-start', index: 0, id: 'toolu_1', name: 'agents__spawn_agent' },
        { type: 'tool-call-delta', index: 0, argumentsDelta: '{"message":"go"}' },
        { type: 'tool-call-end', index: 0 },
        { type: 'finish', finishReason: 'tool-calls', usage },
      ],
      { tools: [agents] },
    )
    const item = { id: 'fc_abc_0', type: 'function_call', arguments: '{"message":"go"}', call_id: 'toolu_1', name: 'spawn_agent', namespace: 'agents' }
    expect(events.slice(2)).toEqual([
      { type: 'response.output_item.added', output_index: 0, item: { ...item, status: 'in_progress', arguments: '' } },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_abc_0', output_index: 0, delta: '{"message":"go"}' },
      { type: 'response.function_call_arguments.done', item_id: 'fc_abc_0', output_index: 0, arguments: '{"message":"go"}' },
      { type: 'response.output_item.done', output_index: 0, item: { ...item, status: 'completed' } },
      expect.objectContaining({ type: 'response.completed', response: expect.objectContaining({ output: [{ ...item, status: 'completed' }] }) }),
    ])
  })

  test('Anthropic thinking is shown as a summary and its signature packed into encrypted_content; refusal gets its own part', () => {
    const events = render([
      start,
      { type: 'reasoning-start', index: 0, provider: 'anthropic' },
      { type: 'reasoning-delta', index: 0, delta: 'Hmm.' },
      { type: 'reasoning-signature', index: 0, signature: 'EqQB' },
      { type: 'reasoning-end', index: 0 },
      { type: 'refusal-delta', delta: 'No' },
      { type: 'refusal-delta', delta: '.' },
      { type: 'finish', finishReason: 'refusal', usage },
    ])
    const reasoning = events.find((event) => event.type === 'response.output_item.done')!.item
    expect(reasoning.id).toBe('rs_abc_0')
    expect(reasoning.encrypted_content.startsWith('tollgate.reasoning.v1.')).toBe(true)
    expect(events.slice(8).map((event) => event.type)).toEqual([
      'response.output_item.added',
      'response.content_part.added',
      'response.refusal.delta',
      'response.refusal.delta',
      'response.refusal.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
    expect(events.at(-2).item.content).toEqual([{ type: 'refusal', refusal: 'No.' }])
  })

  test('length ends with response.incomplete (max_output_tokens), never a completion', () => {
    const events = render([start, { type: 'text-start', index: 0 }, { type: 'text-delta', index: 0, delta: 'A' }, { type: 'text-end', index: 0 }, { type: 'finish', finishReason: 'length', usage }])
    expect(events.at(-1)).toEqual({ type: 'response.incomplete', response: expect.objectContaining({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }) })
    expect(events.some((event) => event.type === 'response.completed')).toBe(false)
  })

  test('an error mid-stream: `error` then response.failed with the items finished so far; nothing after', () => {
    const renderer = createOpenAIResponsesStreamRenderer({ model: 'gpt-5', requestId: 'req_1', includeUsage: false })
    const text = [
      start,
      { type: 'provider-block', index: 0, provider: 'openai', block: { type: 'web_search_call', id: 'ws_1', status: 'completed' } },
      { type: 'text-start', index: 1 },
      { type: 'text-delta', index: 1, delta: 'Par' },
      { type: 'error', error: { status: 429, message: 'You exceeded your current quota', code: 'insufficient_quota' } },
      { type: 'finish', finishReason: 'stop', usage },
    ]
      .map((event) => renderer.render(event as StreamEvent))
      .join('')
    const events = parseSse(text).map((event) => JSON.parse(event.data))
    expect(events.slice(-2)).toEqual([
      { type: 'error', code: 'insufficient_quota', message: 'You exceeded your current quota', param: null, sequence_number: 7 },
      { type: 'response.failed', response: expect.objectContaining({ status: 'failed', error: { code: 'insufficient_quota', message: 'You exceeded your current quota' }, output: [{ type: 'web_search_call', id: 'ws_1', status: 'completed' }], usage: null }), sequence_number: 8 },
    ])
  })

  test('an error before anything else (e.g. the fast path truncation terminal) is `error` + response.failed named after the request', () => {
    const events = render([{ type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } }])
    expect(events.map((event) => event.type)).toEqual(['error', 'response.failed'])
    expect(events[1].response).toMatchObject({ id: 'resp_req_1', status: 'failed', error: { code: 'stream_truncated', message: 'Upstream stream ended before completion' }, output: [] })
  })

  test('consecutive text blocks share one message item; annotations from text-end are announced and kept', () => {
    const citation = { type: 'url_citation', url: 'https://x', title: 't', start_index: 0, end_index: 1 }
    const events = render([
      start,
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'A' },
      { type: 'text-end', index: 0, providerData: { 'openai-responses': { annotations: [citation] } } },
      { type: 'text-start', index: 1 },
      { type: 'text-delta', index: 1, delta: 'B' },
      { type: 'text-end', index: 1 },
      { type: 'finish', finishReason: 'stop', usage },
    ])
    expect(events.filter((event) => event.type === 'response.output_item.added')).toHaveLength(1)
    expect(events.find((event) => event.type === 'response.output_text.annotation.added')).toEqual({
      type: 'response.output_text.annotation.added', item_id: 'msg_abc_0', output_index: 0, content_index: 0, annotation_index: 0, annotation: citation,
    })
    expect(events.at(-1).response.output[0].content).toEqual([
      { type: 'output_text', annotations: [citation], text: 'A' },
      { type: 'output_text', annotations: [], text: 'B' },
    ])
  })
})
