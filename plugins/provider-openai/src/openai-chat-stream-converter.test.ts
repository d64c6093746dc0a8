import { describe, expect, test } from 'bun:test'
import { createUsage, openAIChatDialect, parseSse, type StreamEvent } from '@tollgate/core'
import { checkStreamShape, convertSseText, randomCuts } from '@tollgate/core/testing'
import { createOpenAIChatStreamConverter } from './openai-chat-stream-converter'

const fixture = (name: string) => Bun.file(new URL(`../fixtures/${name}`, import.meta.url)).text()
const context = { modelId: 'gpt-4o' }
const convert = async (name: string) => convertSseText(await fixture(name), createOpenAIChatStreamConverter(context))

/** Consecutive deltas of one block joined (with their count), to state long streams exactly and briefly. */
function joinDeltas(events: StreamEvent[]) {
  const joined: Array<Record<string, unknown>> = []
  for (const event of events) {
    const previous = joined.at(-1)
    const piece = event.type === 'text-delta' || event.type === 'reasoning-delta' || event.type === 'refusal-delta' ? event.delta : event.type === 'tool-call-delta' ? event.argumentsDelta : undefined
    if (piece !== undefined && previous?.type === event.type && previous.index === ('index' in event ? event.index : undefined)) {
      previous.text += piece
      ;(previous.count as number)++
    } else joined.push(piece === undefined ? { ...event } : { type: event.type, ...('index' in event ? { index: event.index } : {}), text: piece, count: 1 })
  }
  return joined
}

describe('createOpenAIChatStreamConverter on recorded streams', () => {
  test('finish length (stream-finish-length): exact events', async () => {
    expect(await convert('stream-finish-length.sse')).toEqual([
      { type: 'response-start', id: 'chatcmpl-ABfw3Oqj8RD0z6aJiiX37oTjV2HFh', model: 'gpt-4o-2024-08-06', created: 1727346171 },
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: '{"' },
      { type: 'text-end', index: 0 },
      { type: 'finish', finishReason: 'length', rawFinishReason: 'length', usage: createUsage({ noCache: 79, text: 1 }) },
    ])
  })

  test('text with usage chunk (stream-text)', async () => {
    expect(joinDeltas(await convert('stream-text.sse'))).toEqual([
      { type: 'response-start', id: 'chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL', model: 'gpt-4o-2024-08-06', created: 1727346168 },
      { type: 'text-start', index: 0 },
      {
        type: 'text-delta',
        index: 0,
        text: "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, I recommend checking a reliable weather website or a weather app.",
        count: 30,
      },
      { type: 'text-end', index: 0 },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'stop', usage: createUsage({ noCache: 14, text: 30 }) },
    ])
  })

  test('single tool call with include_usage (stream-tool-call-include-usage)', async () => {
    expect(joinDeltas(await convert('stream-tool-call-include-usage.sse'))).toEqual([
      { type: 'response-start', id: 'chatcmpl-BWlJBDk2xe66hjff60joVYpXi1hh4', model: 'gpt-4o-mini-2024-07-18', created: 1747148049 },
      { type: 'tool-call-start', index: 0, id: 'call_1EYWDzueHEp8OsB8jJSEp7WB', name: 'multiply' },
      { type: 'tool-call-delta', index: 0, text: '{"a":1231,"b":2331}', count: 11 },
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'tool_calls', usage: createUsage({ noCache: 54, text: 20 }) },
    ])
  })

  test('parallel tool calls by index (stream-tool-calls-parallel)', async () => {
    expect(joinDeltas(await convert('stream-tool-calls-parallel.sse'))).toEqual([
      { type: 'response-start', id: 'chatcmpl-ABfwAwrNePHUgBBezonVC6MX3zd63', model: 'gpt-4o-2024-08-06', created: 1727346178 },
      { type: 'tool-call-start', index: 0, id: 'call_JMW1whyEaYG438VE1OIflxA2', name: 'GetWeatherArgs' },
      { type: 'tool-call-delta', index: 0, text: '{"city": "Edinburgh", "country": "GB", "units": "c"}', count: 11 },
      { type: 'tool-call-start', index: 1, id: 'call_DNYTawLBoN8fj3KN6qU9N1Ou', name: 'get_stock_price' },
      { type: 'tool-call-delta', index: 1, text: '{"ticker": "AAPL", "exchange": "NASDAQ"}', count: 9 },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'tool_calls', usage: createUsage({ noCache: 149, text: 60 }) },
    ])
  })

  test('refusal deltas (stream-refusal)', async () => {
    expect(joinDeltas(await convert('stream-refusal.sse'))).toEqual([
      { type: 'response-start', id: 'chatcmpl-ABfw4IfQfCCrcuybFm41wJyxjbkz7', model: 'gpt-4o-2024-08-06', created: 1727346172 },
      { type: 'refusal-delta', text: "I'm sorry, I can't assist with that request.", count: 10 },
      { type: 'finish', finishReason: 'refusal', rawFinishReason: 'stop', usage: createUsage({ noCache: 79, text: 11 }) },
    ])
  })

  test('mid-stream error frame -> error event, the [DONE] after it is ignored (stream-error-midstream)', async () => {
    expect(await convert('stream-error-midstream.sse')).toEqual([
      {
        type: 'error',
        error: { status: 502, type: 'upstream_error', code: null, message: 'The server experienced an error while processing your request. We apologize for the inconvenience!' },
      },
    ])
  })

  test('Azure: empty-choices prompt_filter_results chunk and content_filter_results are tolerated (exact events)', async () => {
    expect(await convert('azure-stream-content-filter-results.sse')).toEqual([
      { type: 'response-start', id: 'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt', model: 'gpt-5-nano-2025-08-07', created: 1762317021 },
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'Capital' },
      { type: 'text-delta', index: 0, delta: ' of' },
      { type: 'text-delta', index: 0, delta: ' Denmark' },
      { type: 'text-delta', index: 0, delta: '.' },
      { type: 'text-end', index: 0 },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'stop', usage: createUsage({ noCache: 15, text: 14, reasoning: 64 }) },
    ])
  })

  test('n = 3: only choice 0 is followed; usage covers all choices (stream-n3-choices)', async () => {
    const events = joinDeltas(await convert('stream-n3-choices.sse'))
    expect(events[2]).toEqual({ type: 'text-delta', index: 0, text: '{"city":"San Francisco","temperature":65,"units":"f"}', count: 14 })
    expect(events.filter((event) => event.type === 'text-start')).toHaveLength(1)
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', rawFinishReason: 'stop', usage: createUsage({ noCache: 79, text: 42 }) })
  })

  test.each(['stream-json-object.sse', 'stream-logprobs.sse', 'stream-structured-output-json-schema.sse', 'stream-text-long.sse', 'stream-tool-call-obfuscation.sse', 'stream-after-tool-result.sse', 'stream-text-after-tool-obfuscation.sse'])(
    '%s: valid shape; one text or tool block; finish with usage',
    async (name) => {
      const events = await convert(name)
      expect(checkStreamShape(events)).toEqual([])
      const finish = events.at(-1)
      expect(finish?.type === 'finish' && finish.usage.input.total > 0).toBe(true)
    },
  )
})

describe('byte-split stability', () => {
  test.each(['stream-text-long.sse', 'stream-tool-calls-parallel.sse', 'azure-stream-content-filter-results.sse', 'stream-json-object.sse'])(
    '%s split at random byte boundaries gives the same events',
    async (name) => {
      const text = await fixture(name)
      const whole = convertSseText(text, createOpenAIChatStreamConverter(context))
      const length = new TextEncoder().encode(text).length
      for (let seed = 1; seed <= 20; seed++) {
        expect(convertSseText(text, createOpenAIChatStreamConverter(context), randomCuts(length, 40, seed))).toEqual(whole)
      }
    },
  )
})

describe('truncated streams', () => {
  test('ended before any finish_reason -> stream_truncated error, open blocks closed first', async () => {
    const text = (await fixture('stream-text.sse')).split('\n\n').slice(0, 5).join('\n\n') + '\n\n'
    const events = convertSseText(text, createOpenAIChatStreamConverter(context))
    expect(events.slice(-2)).toEqual([
      { type: 'text-end', index: 0 },
      { type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } },
    ])
  })

  test('finish_reason seen but no [DONE] (lenient compatible servers) -> finish', async () => {
    const text = (await fixture('stream-finish-length.sse')).replace('data: [DONE]', '')
    expect(convertSseText(text, createOpenAIChatStreamConverter(context)).at(-1)).toEqual({
      type: 'finish', finishReason: 'length', rawFinishReason: 'length', usage: createUsage({ noCache: 79, text: 1 }),
    })
  })
})

test('round trip through the openai-chat dialect renderer: reasoning (signature, redacted, encrypted), text, tool call', () => {
  const events: StreamEvent[] = [
    { type: 'response-start', id: 'msg_01', model: 'claude-sonnet-4-5', created: 1760000000 },
    { type: 'reasoning-start', index: 0, provider: 'anthropic' },
    { type: 'reasoning-delta', index: 0, delta: 'Two plus ' },
    { type: 'reasoning-delta', index: 0, delta: 'two.' },
    { type: 'reasoning-signature', index: 0, signature: 'EqQBCkYIARgC' },
    { type: 'reasoning-end', index: 0 },
    { type: 'reasoning-start', index: 1, provider: 'anthropic', redactedData: 'EmwKAhgBEgy3' },
    { type: 'reasoning-end', index: 1 },
    { type: 'reasoning-start', index: 2, provider: 'openai', id: 'rs_1' },
    { type: 'reasoning-signature', index: 2, encryptedContent: 'gAAAAABo' },
    { type: 'reasoning-end', index: 2 },
    { type: 'text-start', index: 3 },
    { type: 'text-delta', index: 3, delta: 'It is 4.' },
    { type: 'text-end', index: 3 },
    { type: 'tool-call-start', index: 4, id: 'toolu_1', name: 'record' },
    { type: 'tool-call-delta', index: 4, argumentsDelta: '{"answer":4}' },
    { type: 'tool-call-end', index: 4 },
    { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'tool_calls', usage: createUsage({ noCache: 20, cacheRead: 100, text: 30 }) },
  ]
  const renderer = openAIChatDialect.createStreamRenderer({ model: 'claude-sonnet-4-5', requestId: 'r', includeUsage: true })
  const converter = createOpenAIChatStreamConverter(context)
  const back = parseSse(events.map((event) => renderer.render(event)).join('')).flatMap((event) => converter.event(event))
  expect([...back, ...converter.end()]).toEqual(events)
})
