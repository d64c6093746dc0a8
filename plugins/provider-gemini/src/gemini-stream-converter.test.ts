import { describe, expect, test } from 'bun:test'
import { parseSse, type StreamEvent } from '@tollgate/core'
import { checkStreamShape } from '@tollgate/core/testing'
import { fixtureNames, readFixture, readJsonFixture } from '../test-support/read-fixture'
import { convertGeminiResponse } from './convert-gemini-response'
import { createGeminiStreamConverter } from './gemini-stream-converter'

const context = { modelId: 'gemini-2.5-flash' }
const usage = (noCache: number, text: number, reasoning = 0) => ({ input: { total: noCache, noCache, cacheRead: 0, cacheWrite: 0 }, output: { total: text + reasoning, text, reasoning } })

function convert(data: string[]): StreamEvent[] {
  const converter = createGeminiStreamConverter(context)
  return [...data.flatMap((item) => converter.event({ data: item })), ...converter.end()].map((event) => (event.type === 'response-start' ? { ...event, created: 0 } : event))
}
const sseData = async (name: string) => parseSse(await readFixture(name)).map((event) => event.data)

/** The assistant content a canonical stream builds (signatures and ids included; toEqual ignores undefined fields). */
function content(events: StreamEvent[]) {
  const parts: any[] = []
  const at = new Map<number, any>()
  const open = (index: number, part: object) => void (parts.push(part), at.set(index, part))
  for (const event of events) {
    if (event.type === 'text-start') open(event.index, { type: 'text', text: '' })
    else if (event.type === 'reasoning-start') open(event.index, { type: 'reasoning', text: '', provider: event.provider, id: event.id })
    else if (event.type === 'tool-call-start') open(event.index, { type: 'tool-call', id: event.id, name: event.name, arguments: '' })
    else if (event.type === 'text-delta' || event.type === 'reasoning-delta') at.get(event.index).text += event.delta
    else if (event.type === 'reasoning-signature') at.get(event.index).encryptedContent = event.encryptedContent
    else if (event.type === 'tool-call-delta') at.get(event.index).arguments += event.argumentsDelta
  }
  return parts
}

describe('createGeminiStreamConverter', () => {
  test('stream-text.sse: exact events; usage as it changes (the prompt count is revised on the last chunk)', async () => {
    expect(convert(await sseData('stream-text.sse'))).toEqual([
      { type: 'response-start', id: 'w1peaMz6INOvnvgPgYfPiQY', model: 'gemini-2.0-flash-exp', created: 0, usage: usage(15, 0) },
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'The' },
      { type: 'text-delta', index: 0, delta: ' capital of France' },
      { type: 'usage', usage: usage(13, 8) },
      { type: 'text-delta', index: 0, delta: ' is Paris.\n' },
      { type: 'text-end', index: 0 },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'STOP', usage: usage(13, 8) },
    ])
  })

  test('a function call with its signature (gemini-3): the signature block, linked by id, just before the call', async () => {
    const data = await sseData('stream-function-call-gemini3.sse')
    const signature = JSON.parse(data[0]).candidates[0].content.parts[0].thoughtSignature
    expect(convert(data)).toEqual([
      { type: 'response-start', id: 'b36LacjwM668nsEP2tbsgQQ', model: 'gemini-3-pro-preview', created: 0, usage: usage(29, 15, 45) },
      { type: 'reasoning-start', index: 0, provider: 'gemini', id: 'gemini_b36LacjwM668nsEP2tbsgQQ_0' },
      { type: 'reasoning-signature', index: 0, encryptedContent: signature },
      { type: 'reasoning-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'gemini_b36LacjwM668nsEP2tbsgQQ_0', name: 'weather' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"location":"San Francisco"}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: 'tool-calls', rawFinishReason: 'STOP', usage: usage(29, 15, 45) },
    ])
  })

  test('thought summaries, then the answer whose first chunk carries the signature (stream-thinking-thoughts)', async () => {
    const events = convert(await sseData('stream-thinking-thoughts.sse'))
    expect(content(events).map((part) => [part.type, part.type === 'reasoning' ? part.encryptedContent !== undefined : undefined])).toEqual([
      ['reasoning', false],
      ['reasoning', true],
      ['text', undefined],
    ])
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', rawFinishReason: 'STOP', usage: usage(34, 469, 787) })
  })

  test('Vertex streamed arguments: each call assembled from its fragments', async () => {
    const calls = content(convert(await sseData('vertex-stream-function-call-partial-args.sse'))).filter((part) => part.type === 'tool-call')
    expect(calls).toEqual([
      { type: 'tool-call', id: 'gemini_dqHOab6xGLzWodAPkPuViA4_0', name: 'getWeather', arguments: '{"location":"Boston"}' },
      { type: 'tool-call', id: 'gemini_dqHOab6xGLzWodAPkPuViA4_1', name: 'getWeather', arguments: '{"location":"San Francisco"}' },
    ])
  })

  test('every recorded stream builds the content its chunks folded into one answer convert to (Vertex streamed arguments aside)', async () => {
    const names = fixtureNames('*.sse').filter((name) => name !== 'vertex-stream-function-call-partial-args.sse')
    expect(names.length).toBe(9)
    for (const name of names) {
      const data = await sseData(name)
      const events = convert(data)
      expect({ name, problems: checkStreamShape(events) }).toEqual({ name, problems: [] })
      // Folding the chunks into one response (text pieces joined) gives the same canonical content.
      const folded = { ...JSON.parse(data.at(-1)!), candidates: [{ ...JSON.parse(data.at(-1)!).candidates?.[0], content: { parts: foldParts(data) } }] }
      expect({ name, content: content(events) }).toEqual({ name, content: convertGeminiResponse(folded, context).content })
    }
  })

  test('JSON-array recordings (streamGenerateContent without alt=sse) convert element by element', async () => {
    for (const name of fixtureNames('*.stream.json')) {
      const events = convert((await readJsonFixture(name)).map((element: unknown) => JSON.stringify(element)))
      expect({ name, problems: checkStreamShape(events), last: events.at(-1)?.type }).toEqual({ name, problems: [], last: 'finish' })
    }
  })

  test('an {"error": ...} chunk ends the stream with the mapped error; a cut stream is a truncation error', async () => {
    const data = await sseData('stream-text.sse')
    const events = convert([data[0], '{"error": {"code": 503, "message": "The model is overloaded.", "status": "UNAVAILABLE"}}', data[2]])
    expect(events.slice(-2)).toEqual([
      { type: 'text-delta', index: 0, delta: 'The' },
      { type: 'error', error: { status: 503, type: 'overloaded_error', message: 'The model is overloaded.' } },
    ])
    expect(convert(data.slice(0, 2)).at(-1)).toEqual({ type: 'error', error: { status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' } })
    expect(convert(['{"candidates": [{"content": {"parts": [{"tex']).at(-1)).toMatchObject({ type: 'error', error: { code: 'invalid_upstream_event' } })
  })

  test('a blocked prompt ends as a content filter', () => {
    expect(convert(['{"promptFeedback": {"blockReason": "SAFETY"},"usageMetadata": {"promptTokenCount": 8,"totalTokenCount": 8},"modelVersion": "gemini-2.5-flash","responseId": "r"}']).at(-1)).toEqual({
      type: 'finish',
      finishReason: 'content-filter',
      rawFinishReason: 'SAFETY',
      usage: usage(8, 0),
    })
  })
})

/** Stream chunks folded as a non-stream answer has them: consecutive text (or thought) pieces joined, signatures where they came. */
function foldParts(data: string[]) {
  const parts: any[] = []
  for (const chunk of data.map((item) => JSON.parse(item))) {
    for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
      const last = parts.at(-1)
      const isText = typeof part.text === 'string' && !part.functionCall
      if (isText && !part.thoughtSignature && last && typeof last.text === 'string' && !!last.thought === !!part.thought) last.text += part.text
      else parts.push({ ...part })
    }
  }
  return parts
}
