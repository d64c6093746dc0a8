import { afterAll, beforeAll, describe, expect, setSystemTime, test } from 'bun:test'
import { createUsage, parseSse, type StreamEvent } from '@tollgate/core'
import { collectCanonicalStream } from '@tollgate/core/testing'
import { feedInRandomChunks } from '../test-support/feed-in-random-chunks'
import { readFixture } from '../test-support/read-fixture'
import { createAnthropicStreamConverter } from './anthropic-stream-converter'

const context = { modelId: 'claude-haiku-4-5' }

function convertText(sse: string): StreamEvent[] {
  const converter = createAnthropicStreamConverter(context)
  return [...parseSse(sse).flatMap((event) => converter.event(event)), ...converter.end()]
}
const convert = async (name: string) => convertText(await readFixture(name))
const signatureOf = (sse: string) => sse.match(/"signature_delta","signature":"([^"]+)"/)![1]
const startOf = (id: string, model: string, usage: ReturnType<typeof createUsage>): StreamEvent => ({ type: 'response-start', id, model, created: expect.any(Number), usage })

describe('createAnthropicStreamConverter: recorded streams', () => {
  test('text', async () => {
    expect(await convert('stream-text.sse')).toEqual([
      startOf('msg_01T8kTq7cYyYJeQ5DxcVUc6D', 'claude-haiku-4-5-20251001', createUsage({ noCache: 10, text: 2 })),
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'Hello' },
      { type: 'text-end', index: 0 },
      { type: 'usage', usage: createUsage({ noCache: 10, text: 4 }) },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'end_turn', usage: createUsage({ noCache: 10, text: 4 }) },
    ])
  })

  test('thinking: deltas, the exact signature, then text (empty deltas skipped)', async () => {
    const sse = await readFixture('stream-thinking.sse')
    expect(convertText(sse)).toEqual([
      startOf('msg_01Eg56TYRnKCEgWtZu2yjR1t', 'claude-haiku-4-5-20251001', createUsage({ noCache: 46, text: 3 })),
      { type: 'reasoning-start', index: 0, provider: 'anthropic' },
      { type: 'reasoning-delta', index: 0, delta: 'The user wants' },
      { type: 'reasoning-delta', index: 0, delta: " two names for a pet pelican, and they want me to be brief. I'll suggest two names that would suit a pelican well." },
      { type: 'reasoning-delta', index: 0, delta: '\n\nSome good options:\n- Pelé (play on pelican)\n- Pouch' },
      { type: 'reasoning-delta', index: 0, delta: ' (referencing their bill pouch)\n- Captain Beak\n- Squ' },
      { type: 'reasoning-delta', index: 0, delta: 'irt\n- Scoop\n- Wing\n\nLet me give two brief, catchy names:' },
      { type: 'reasoning-signature', index: 0, signature: signatureOf(sse) },
      { type: 'reasoning-end', index: 0 },
      { type: 'text-start', index: 1 },
      { type: 'text-delta', index: 1, delta: '1. **Pouch** - references their iconic bill pouch\n2. **Pelé** - play' },
      { type: 'text-delta', index: 1, delta: 'ful take on "pelican"' },
      { type: 'text-end', index: 1 },
      { type: 'usage', usage: createUsage({ noCache: 46, text: 133 }) },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'end_turn', usage: createUsage({ noCache: 46, text: 133 }) },
    ])
    expect(signatureOf(sse)).toHaveLength(656)
  })

  test('redacted thinking: opaque data carried byte for byte', async () => {
    const sse = await readFixture('stream-redacted-thinking.sse')
    const data = [...sse.matchAll(/"redacted_thinking","data":"([^"]+)"/g)].map((match) => match[1])
    const { content } = collectCanonicalStream(convertText(sse))
    expect(content.slice(0, 2)).toEqual(data.map((redactedData) => ({ type: 'reasoning', text: '', redactedData, provider: 'anthropic' })))
    expect(content[2].type).toBe('text')
  })

  test('parallel tool use without arguments: each call gets {} and keeps `caller`', async () => {
    const events = await convert('stream-parallel-tool-use.sse')
    expect(events.slice(1)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'toolu_01LtHJmixrs9NcWQkK8hu8hj', name: 'pelican_name_generator', providerData: { anthropic: { caller: { type: 'direct' } } } },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'toolu_01N8a4jWyf116qKTMqKKmjyt', name: 'pelican_name_generator', providerData: { anthropic: { caller: { type: 'direct' } } } },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'usage', usage: createUsage({ noCache: 542, text: 62 }) },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'tool_use', usage: createUsage({ noCache: 542, text: 62 }) },
    ])
  })

  test('text then tool use: argument fragments joined; text + tool with no args (vercel recording)', async () => {
    expect(collectCanonicalStream(await convert('stream-text-then-tool-use.sse')).content).toEqual([
      { type: 'text', text: "I'll check the current weather in Paris for you." },
      { type: 'tool-call', id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn', name: 'get_weather', arguments: '{"location": "Paris"}', providerData: { anthropic: { caller: { type: 'direct' } } } },
    ])
    expect(collectCanonicalStream(await convert('stream-text-no-args-tool.sse')).content).toEqual([
      { type: 'text', text: "I'll update the issue list for you." },
      { type: 'tool-call', id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList', arguments: '{}' },
    ])
  })

  test('max_tokens mid tool input: the open tool block is closed before finish(length), input left partial', async () => {
    const events = await convert('stream-max-tokens-mid-tool-input.sse')
    expect(events.slice(-4)).toEqual([
      { type: 'tool-call-delta', index: 1, argumentsDelta: '\n"Filing taxes' },
      { type: 'usage', usage: createUsage({ noCache: 450, text: 124 }) },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: 'length', rawFinishReason: 'max_tokens', usage: createUsage({ noCache: 450, text: 124 }) },
    ])
    const call = collectCanonicalStream(events).content[1]
    expect(call.type === 'tool-call' && call.arguments.startsWith('{"filename": "taxes.txt", "lines_of_text": [')).toBe(true)
  })

  test('stop sequence after a prefill', async () => {
    expect((await convert('stream-stop-sequence-prefill.sse')).at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop-sequence',
      rawFinishReason: 'stop_sequence',
      stopSequence: '```',
      usage: createUsage({ noCache: 16, text: 28 }),
    })
  })

  test('json schema output arrives as text that parses', async () => {
    const [text] = collectCanonicalStream(await convert('stream-json-schema-output.sse')).content
    expect(Object.keys(JSON.parse(text.type === 'text' ? text.text : ''))).toEqual(['name', 'age', 'bio'])
  })

  test('prompt cache write in message_start; cumulative usage growing in message_delta', async () => {
    const events = await convert('stream-code-execution-prompt-cache.sse')
    expect(events[0]).toEqual(startOf('msg_011CdYfpjpVtBoXyXCQD1tQP', 'claude-sonnet-5', createUsage({ noCache: 2, cacheWrite: 3068, text: 69 })))
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', rawFinishReason: 'end_turn', usage: createUsage({ noCache: 6, cacheRead: 6289, cacheWrite: 3337, text: 198 }) })
  })

  test('server tools (code execution): provider blocks with the streamed input parsed, interleaved with thinking and text', async () => {
    const { content } = collectCanonicalStream(await convert('stream-server-tool-code-execution.sse'))
    expect(content.map((part) => (part.type === 'provider-block' ? part.block.type : part.type))).toEqual(['reasoning', 'text', 'server_tool_use', 'bash_code_execution_tool_result', 'text'])
    expect(content[2]).toEqual({
      type: 'provider-block',
      provider: 'anthropic',
      block: { type: 'server_tool_use', id: 'srvtoolu_01MwXaweAHve88x6s3Fc8x6Q', name: 'bash_code_execution', input: { command: 'echo "65465-6544 * 65464-6+1.02255" | bc -l' } },
    })
    expect(content[3]).toEqual({
      type: 'provider-block',
      provider: 'anthropic',
      block: {
        type: 'bash_code_execution_tool_result',
        tool_use_id: 'srvtoolu_01MwXaweAHve88x6s3Fc8x6Q',
        content: { type: 'bash_code_execution_result', stdout: '-428330955.97745\n', stderr: '', return_code: 0, content: [] },
      },
    })
  })

  test('web search: server blocks kept whole, citations collected onto text-end', async () => {
    const events = await convert('stream-web-search-citations.sse')
    const { content } = collectCanonicalStream(events)
    expect(content.slice(0, 2).map((part) => part.type === 'provider-block' && part.block.type)).toEqual(['server_tool_use', 'web_search_tool_result'])
    expect(content[0]).toEqual({ type: 'provider-block', provider: 'anthropic', block: { type: 'server_tool_use', id: 'srvtoolu_01SPfvT38PDPAFnkcrMNGUrM', name: 'web_search', input: { query: 'San Francisco weather today' } } })
    const results = content[1].type === 'provider-block' ? (content[1].block.content as unknown[]) : []
    expect(results).toHaveLength(10)
    expect(events.find((event) => event.type === 'text-start' && event.index === 3)).toEqual({ type: 'text-start', index: 3, providerData: { anthropic: { citations: [] } } })
    const cited = content.flatMap((part) => (part.type === 'text' && part.providerData ? [part.providerData.anthropic.citations as unknown[]] : []))
    expect(cited.flat()).toHaveLength(5)
    expect(cited[0]).toEqual([
      expect.objectContaining({ type: 'web_search_result_location', url: 'https://www.wunderground.com/hourly/us/ca/san-francisco' }),
    ])
  })
})

describe('createAnthropicStreamConverter: errors and truncation', () => {
  test('error events (recorded mid-stream and docs example) → 503 overloaded_error, the only event', async () => {
    const overloaded: StreamEvent[] = [{ type: 'error', error: { status: 503, type: 'overloaded_error', message: 'Overloaded' } }]
    expect(await convert('stream-error-overloaded-midstream.sse')).toEqual(overloaded)
    expect(await convert('stream-error-event.docs-example.sse')).toEqual(overloaded)
  })

  test('an error after content ends the stream there: no block end, no finish, nothing after', async () => {
    const text = await readFixture('stream-text.sse')
    const cut = text.slice(0, text.indexOf('event: content_block_stop'))
    const error = await readFixture('stream-error-overloaded-midstream.sse')
    const converter = createAnthropicStreamConverter(context)
    const events = parseSse(cut + error + text.slice(text.indexOf('event: content_block_stop'))).flatMap((event) => converter.event(event))
    expect(events.map((event) => event.type)).toEqual(['response-start', 'text-start', 'text-delta', 'error'])
    expect(events.at(-1)).toEqual({ type: 'error', error: { status: 503, type: 'overloaded_error', message: 'Overloaded' } })
    expect(converter.end()).toEqual([])
  })

  test('upstream ends early: open blocks closed, then truncation error; after message_delta: finish', async () => {
    const text = await readFixture('stream-text.sse')
    expect(convertText(text.slice(0, text.indexOf('event: content_block_stop'))).slice(-2)).toEqual([
      { type: 'text-end', index: 0 },
      { type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } },
    ])
    expect(convertText(text.slice(0, text.indexOf('event: message_stop'))).at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
      usage: createUsage({ noCache: 10, text: 4 }),
    })
  })

  test('an unreadable event is an upstream error', () => {
    const converter = createAnthropicStreamConverter(context)
    expect(converter.event({ event: 'content_block_delta', data: '{"type":' })).toEqual([
      { type: 'error', error: { status: 502, type: 'upstream_error', code: 'invalid_upstream_event', message: 'Anthropic sent an unreadable stream event' } },
    ])
  })
})

describe('createAnthropicStreamConverter: split at random byte boundaries', () => {
  beforeAll(() => setSystemTime(new Date('2026-01-01T00:00:00Z')))
  afterAll(() => setSystemTime())
  const cases = ['stream-server-tool-code-execution.sse', 'stream-web-search-citations.sse', 'stream-thinking.sse']
  for (const name of cases) {
    test(`${name} (LF and CRLF framing, 25 seeds each)`, async () => {
      const lf = await readFixture(name)
      const whole = convertText(lf)
      expect(lf).toMatch(/[^\x00-\x7f]/) // multi-byte characters to cut through
      const cuts = { insideCharacter: 0, betweenCrAndLf: 0 }
      for (const text of [lf, lf.replaceAll('\n', '\r\n')]) {
        for (let seed = 1; seed <= 25; seed++) {
          const converter = createAnthropicStreamConverter(context)
          const events: StreamEvent[] = []
          const made = feedInRandomChunks(text, seed, (event) => events.push(...converter.event(event)))
          events.push(...converter.end())
          expect(events).toEqual(whole)
          cuts.insideCharacter += made.insideCharacter
          cuts.betweenCrAndLf += made.betweenCrAndLf
        }
      }
      expect(cuts.insideCharacter).toBeGreaterThan(0)
      expect(cuts.betweenCrAndLf).toBeGreaterThan(0)
    })
  }
})
