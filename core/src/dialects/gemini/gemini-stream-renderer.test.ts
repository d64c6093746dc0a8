import { describe, expect, test } from 'bun:test'
import type { StreamEvent } from '../../canonical/stream-event'
import { unwrapForeignReasoning } from '../../formats/gemini'
import { parseSse } from '../../sse/sse-parser'
import { createGeminiStreamRenderer } from './gemini-stream-renderer'

const usage = (input: number, text: number, reasoning = 0) => ({ input: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 }, output: { total: text + reasoning, text, reasoning } })
const sse = { model: 'gemini-2.5-flash', requestId: 'req_1', includeUsage: true, options: { streamFormat: 'sse' } }
const jsonArray = { ...sse, options: { streamFormat: 'json-array' } }

function render(events: StreamEvent[], context = sse) {
  const renderer = createGeminiStreamRenderer(context)
  return { text: events.map((event) => renderer.render(event)).join(''), contentType: renderer.contentType }
}
const chunks = (text: string) => parseSse(text).map((event) => JSON.parse(event.data))
const parts = (text: string) => chunks(text).map((chunk) => chunk.candidates?.[0]?.content?.parts)

const textStream: StreamEvent[] = [
  { type: 'response-start', id: 'w1peaMz6INOvnvgPgYfPiQY', model: 'gemini-2.0-flash-exp', created: 1 },
  { type: 'usage', usage: usage(15, 0) },
  { type: 'text-start', index: 0 },
  { type: 'text-delta', index: 0, delta: 'The' },
  { type: 'text-delta', index: 0, delta: ' capital of France is Paris.\n' },
  { type: 'text-end', index: 0 },
  { type: 'finish', finishReason: 'stop', rawFinishReason: 'STOP', usage: usage(13, 8) },
]

describe('createGeminiStreamRenderer', () => {
  test('SSE: one chunk per delta with usage, model version and response id; a last chunk with finishReason', () => {
    const { text, contentType } = render(textStream)
    const tail = '"modelVersion":"gemini-2.0-flash-exp","responseId":"w1peaMz6INOvnvgPgYfPiQY"}\r\n\r\n'
    expect(text).toBe(
      'data: {"candidates":[{"content":{"parts":[{"text":"The"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":15,"totalTokenCount":15},' + tail +
        'data: {"candidates":[{"content":{"parts":[{"text":" capital of France is Paris.\\n"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":15,"totalTokenCount":15},' + tail +
        'data: {"candidates":[{"content":{"parts":[{"text":""}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":13,"candidatesTokenCount":8,"totalTokenCount":21},' + tail,
    )
    expect(contentType).toBe('text/event-stream; charset=utf-8')
  })

  test('JSON array: the same chunks as one streamed array', () => {
    const { text, contentType } = render(textStream, jsonArray)
    expect(text.startsWith('[{"candidates"')).toBe(true)
    expect(text.endsWith('}]')).toBe(true)
    expect(JSON.parse(text)).toEqual(chunks(render(textStream).text))
    expect(contentType).toBe('application/json; charset=utf-8')
  })

  test('a function call goes out whole with its linked signature; a minted id is not shown', () => {
    const { text } = render([
      { type: 'response-start', id: 'b36LacjwM668nsEP2tbsgQQ', model: 'gemini-3-pro-preview', created: 1 },
      { type: 'reasoning-start', index: 0, provider: 'gemini', id: 'gemini_b36LacjwM668nsEP2tbsgQQ_0' },
      { type: 'reasoning-signature', index: 0, encryptedContent: 'EqUCCqIC' },
      { type: 'reasoning-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'gemini_b36LacjwM668nsEP2tbsgQQ_0', name: 'weather' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"location":' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '"San Francisco"}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'STOP', usage: usage(29, 15, 45) },
    ])
    expect(parts(text)).toEqual([[{ functionCall: { name: 'weather', args: { location: 'San Francisco' } }, thoughtSignature: 'EqUCCqIC' }], [{ text: '' }]])
    expect(chunks(text)[1].candidates[0].finishReason).toBe('STOP')
    expect(chunks(text)[1].usageMetadata).toEqual({ promptTokenCount: 29, candidatesTokenCount: 15, thoughtsTokenCount: 45, totalTokenCount: 89 })
  })

  test('signatures: on the first thought chunk, on the next text, or alone on the last chunk', () => {
    const { text } = render([
      { type: 'response-start', id: 'r', model: 'gemini-2.5-pro', created: 1 },
      { type: 'reasoning-start', index: 0, provider: 'gemini' },
      { type: 'reasoning-signature', index: 0, encryptedContent: 'SIG_THOUGHT' },
      { type: 'reasoning-delta', index: 0, delta: '**Plan**' },
      { type: 'reasoning-delta', index: 0, delta: ' more' },
      { type: 'reasoning-end', index: 0 },
      { type: 'reasoning-start', index: 1, provider: 'gemini' },
      { type: 'reasoning-signature', index: 1, encryptedContent: 'SIG_TEXT' },
      { type: 'reasoning-end', index: 1 },
      { type: 'text-start', index: 2 },
      { type: 'text-delta', index: 2, delta: 'Answer' },
      { type: 'text-end', index: 2 },
      { type: 'reasoning-start', index: 3, provider: 'gemini' },
      { type: 'reasoning-signature', index: 3, encryptedContent: 'SIG_LAST' },
      { type: 'reasoning-end', index: 3 },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'STOP', usage: usage(5, 1) },
    ])
    expect(parts(text)).toEqual([
      [{ text: '**Plan**', thought: true, thoughtSignature: 'SIG_THOUGHT' }],
      [{ text: ' more', thought: true }],
      [{ text: 'Answer', thoughtSignature: 'SIG_TEXT' }],
      [{ text: '', thoughtSignature: 'SIG_LAST' }],
    ])
  })

  test("Anthropic thinking: thought text as it streams, its signature in a last empty thought part's envelope", () => {
    const { text } = render([
      { type: 'response-start', id: 'msg_1', model: 'claude-haiku-4-5', created: 1 },
      { type: 'reasoning-start', index: 0, provider: 'anthropic' },
      { type: 'reasoning-delta', index: 0, delta: 'Let me ' },
      { type: 'reasoning-delta', index: 0, delta: 'think.' },
      { type: 'reasoning-signature', index: 0, signature: 'EqQBCkYIARgCKkD' },
      { type: 'reasoning-end', index: 0 },
      { type: 'reasoning-start', index: 1, provider: 'anthropic', redactedData: 'EmwKAhgB' },
      { type: 'reasoning-end', index: 1 },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'end_turn', usage: usage(10, 5) },
    ])
    const [first, second, signed, redacted] = parts(text)
    expect([first, second]).toEqual([[{ text: 'Let me ', thought: true }], [{ text: 'think.', thought: true }]])
    expect(unwrapForeignReasoning(signed[0].thoughtSignature)).toEqual({ provider: 'anthropic', signature: 'EqQBCkYIARgCKkD' })
    expect(unwrapForeignReasoning(redacted[0].thoughtSignature)).toEqual({ provider: 'anthropic', redactedData: 'EmwKAhgB' })
  })

  test('an error mid-stream is the last SSE event, in Google’s error shape; nothing follows', () => {
    const renderer = createGeminiStreamRenderer(sse)
    const events: StreamEvent[] = [
      ...textStream.slice(0, 4),
      { type: 'error', error: { status: 503, type: 'overloaded_error', message: 'The model is overloaded' } },
      { type: 'finish', finishReason: 'stop', usage: usage(1, 1) },
    ]
    const text = events.map((event) => renderer.render(event)).join('')
    expect(text.endsWith('data: {"error":{"code":503,"message":"The model is overloaded","status":"UNAVAILABLE"}}\r\n\r\n')).toBe(true)
    expect(chunks(text).map((chunk) => Object.keys(chunk)[0])).toEqual(['candidates', 'error'])
  })

  test('JSON array: an error is the last element (also when nothing was sent before)', () => {
    const error: StreamEvent = { type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } }
    const midway = JSON.parse(render([...textStream.slice(0, 4), error], jsonArray).text)
    expect(midway.map((element: object) => Object.keys(element)[0])).toEqual(['candidates', 'error'])
    expect(midway[1].error).toMatchObject({ code: 502, status: 'INTERNAL', message: 'Upstream stream ended before completion' })
    expect(JSON.parse(render([error], jsonArray).text)).toEqual([{ error: midway[1].error }])
  })
})
