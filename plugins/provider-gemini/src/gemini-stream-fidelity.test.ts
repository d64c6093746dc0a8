import { describe, expect, test } from 'bun:test'
import { geminiDialect, parseSse, type RenderContext, type SseEvent } from '@tollgate/core'
import { geminiChunks, geminiClientView } from '../test-support/accumulate-gemini-chunks'
import { fixtureNames, readFixture } from '../test-support/read-fixture'
import { createGeminiStreamConverter } from './gemini-stream-converter'

const sseStreams = fixtureNames('*.sse')
const PARTIAL_ARGUMENTS = 'vertex-stream-function-call-partial-args.sse'
const arrayStreams = fixtureNames('*.stream.json')

/** Upstream Gemini events → provider converter → canonical → Gemini dialect renderer → client bytes. */
function throughCanonical(events: SseEvent[], streamFormat: 'sse' | 'json-array') {
  const converter = createGeminiStreamConverter({ modelId: 'gemini' })
  const context: RenderContext = { model: 'gemini', requestId: 'r', includeUsage: true, options: { streamFormat } }
  const renderer = geminiDialect.createStreamRenderer(context)
  return [...events.flatMap((event) => converter.event(event)), ...converter.end()].map((event) => renderer.render(event)).join('')
}

describe('same format through canonical (streams)', () => {
  test(`a client of each of the ${sseStreams.length - 1} other recorded SSE streams ends up with the same answer`, async () => {
    const names = sseStreams.filter((name) => name !== PARTIAL_ARGUMENTS)
    expect(names.length).toBe(9)
    for (const name of names) {
      const upstream = await readFixture(name)
      const rendered = throughCanonical(parseSse(upstream), 'sse')
      expect({ name, view: geminiClientView(geminiChunks(rendered)) }).toEqual({ name, view: geminiClientView(geminiChunks(upstream)) })
    }
  })

  test('Vertex streamed arguments reach a Gemini client as whole function calls (the documented difference)', async () => {
    const rendered = geminiChunks(throughCanonical(parseSse(await readFixture(PARTIAL_ARGUMENTS)), 'sse'))
    const calls = rendered.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []).filter((part) => part.functionCall)
    expect(calls.map((part) => [part.functionCall, part.thoughtSignature !== undefined])).toEqual([
      [{ name: 'getWeather', args: { location: 'Boston' } }, true],
      [{ name: 'getWeather', args: { location: 'San Francisco' } }, false],
    ])
  })

  test(`each of the ${arrayStreams.length} recorded JSON-array streams, re-served as a JSON array, gives the same answer`, async () => {
    expect(arrayStreams.length).toBe(3)
    for (const name of arrayStreams) {
      const recorded = JSON.parse(await readFixture(name))
      const rendered = throughCanonical(recorded.map((element: unknown) => ({ data: JSON.stringify(element) })), 'json-array')
      expect({ name, view: geminiClientView(JSON.parse(rendered)) }).toEqual({ name, view: geminiClientView(recorded) })
    }
  })

  test('event by event, a Gemini 3 text stream comes out as it came (token details aside: streams do not carry them)', async () => {
    const upstream = geminiChunks(await readFixture('stream-text-gemini3.sse')) as any[]
    const rendered = geminiChunks(throughCanonical(upstream.map((chunk) => ({ data: JSON.stringify(chunk) })), 'sse'))
    for (const chunk of upstream) delete chunk.usageMetadata.promptTokensDetails
    expect(rendered).toEqual(upstream)
  })

  test('a mid-stream error: the chunks before it, then Google’s error object; no finishReason', async () => {
    const upstream = parseSse(await readFixture('stream-usage-mid-stream.sse'))
    const failed = [upstream[0], { data: '{"error": {"code": 500, "message": "An internal error has occurred.", "status": "INTERNAL"}}' }]
    const sse = geminiChunks(throughCanonical(failed, 'sse')) as any[]
    expect(sse.map((chunk) => Object.keys(chunk)[0])).toEqual(['candidates', 'error'])
    expect(sse[1]).toEqual({ error: { code: 502, message: 'An internal error has occurred.', status: 'INTERNAL' } })
    const array = JSON.parse(throughCanonical(failed, 'json-array'))
    expect(array.at(-1)).toEqual(sse[1])
    expect(array.some((chunk: any) => chunk.candidates?.[0]?.finishReason)).toBe(false)
  })
})
