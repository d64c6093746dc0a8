import { describe, expect, test } from 'bun:test'
import { geminiDialect, normalizeBase64, normalizeGeminiKeys } from '@tollgate/core'
import { fixtureNames, readJsonFixture } from '../test-support/read-fixture'
import { convertToGeminiRequest } from './convert-to-gemini-request'

const requestFixtures = fixtureNames('*.request.json')

/** Gemini client body → dialect → canonical → provider → the body that reaches Gemini. */
function roundTrip(body: Record<string, unknown>, modelId = 'gemini-3-pro-preview', stream = false) {
  const canonical = geminiDialect.toCanonical(structuredClone(body), new Headers(), { model: modelId, stream, includeUsage: true })
  return convertToGeminiRequest(canonical, { modelId })
}

/**
 * The documented differences, and only those: field names in camelCase (the API reads both; real
 * clients send `thinking_budget`, `parameters_json_schema`, `function_call`, ...), and bytes fields
 * (inlineData.data, thoughtSignature) in standard base64 (the google-genai SDK sends them url-safe).
 */
function documented(body: Record<string, unknown>) {
  const normalized = normalizeGeminiKeys(body)
  for (const content of normalized.contents) {
    for (const part of content.parts ?? []) {
      if (part.inlineData?.data) part.inlineData.data = normalizeBase64(part.inlineData.data)
      if (part.thoughtSignature) part.thoughtSignature = normalizeBase64(part.thoughtSignature)
    }
  }
  return normalized
}

describe('Gemini client → canonical → Gemini upstream', () => {
  test(`each of the ${requestFixtures.length} recorded request bodies comes out as recorded (modulo the documented normalisations)`, async () => {
    expect(requestFixtures.length).toBe(20)
    const normalised: string[] = []
    for (const name of requestFixtures) {
      const body = await readJsonFixture(name)
      const converted = roundTrip(body)
      expect({ name, body: converted.body, warnings: converted.warnings }).toEqual({ name, body: documented(body), warnings: undefined })
      if (!Bun.deepEquals(converted.body, body)) normalised.push(name)
    }
    expect(normalised).toEqual([
      'finish-max-tokens.request.json', // thinking_budget
      'image-inline-data.request.json', // url-safe inlineData.data
      'parallel-function-calls.request.json', // parameters_json_schema
      'parallel-function-responses.request.json', // parameters_json_schema, url-safe thoughtSignature
      'stream-after-function-response.request.json', // parameters_json_schema, url-safe thoughtSignature
      'stream-function-call-thought-signature.request.json', // parameters_json_schema
      'stream-json-array-after-function-response.request.json', // function_call, function_response
      'thinking.request.json', // include_thoughts, parameters_json_schema
    ])
  })

  test('the replayed thought signature reaches Gemini byte-identical to the one Gemini sent (stream-after-function-response)', async () => {
    const body = await readJsonFixture('stream-after-function-response.request.json')
    const sent = roundTrip(body).body as any
    const streamed = (await Bun.file(new URL('../fixtures/stream-function-call-thought-signature.sse', import.meta.url)).text()).match(/"thoughtSignature": "([^"]+)"/)![1]
    expect(sent.contents[1].parts[0].thoughtSignature).toBe(streamed)
  })

  test('unknown fields at any depth reach the upstream; the model stays in the path', () => {
    const body = {
      contents: [{ role: 'user', parts: [{ text: 'hi', videoMetadata: { fps: 2 } }] }],
      generationConfig: { temperature: 0.5, responseModalities: ['TEXT'], mediaResolution: 'MEDIA_RESOLUTION_LOW', thinkingConfig: { thinkingLevel: 'low', futureKnob: 1 } },
      toolConfig: { retrievalConfig: { languageCode: 'en' } },
      cachedContent: 'cachedContents/abc',
      labels: { team_name: 'a' },
      futureField: { nested: true },
    }
    const converted = roundTrip(body, 'gemini-3-flash-preview', true)
    expect(converted.body).toEqual(body)
    expect(converted.path).toBe('/v1beta/models/gemini-3-flash-preview:streamGenerateContent?alt=sse')
  })
})
