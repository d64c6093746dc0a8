import { describe, expect, test } from 'bun:test'
import { GatewayError, geminiDialect } from '@tollgate/core'
import { fixtureNames, readJsonFixture } from '../test-support/read-fixture'
import { convertGeminiResponse } from './convert-gemini-response'

const context = { modelId: 'gemini-2.5-flash' }
const responses = fixtureNames('*.response.json').filter((name) => !name.startsWith('error-'))

describe('convertGeminiResponse', () => {
  test('text answer: id, model version, usage with thoughts apart, details kept (text.response.json)', async () => {
    const body = await readJsonFixture('text.response.json')
    const response = convertGeminiResponse(body, context)
    expect({ ...response, created: 0 }).toEqual({
      id: 'bzlXaa_EE_aHqtsPi_zw8Ao',
      model: 'gemini-2.5-flash',
      created: 0,
      content: [{ type: 'text', text: 'Hello! How can I help you today?' }],
      finishReason: 'stop',
      rawFinishReason: 'STOP',
      usage: { input: { total: 9, noCache: 9, cacheRead: 0, cacheWrite: 0 }, output: { total: 43, text: 9, reasoning: 34 } },
      providerData: { gemini: { candidate: { index: 0 }, usageMetadata: { promptTokensDetails: [{ modality: 'TEXT', tokenCount: 9 }] } } },
    })
  })

  test('parallel calls without ids: ids minted from the response id, signature linked, tool-calls', async () => {
    const body = await readJsonFixture('parallel-function-calls.response.json')
    const response = convertGeminiResponse(body, context)
    expect(response.content.map((part) => [part.type, 'id' in part ? part.id : undefined])).toEqual([
      ['reasoning', 'gemini_wOd8abGuO5rgz7IP5tLEGA_0'],
      ['tool-call', 'gemini_wOd8abGuO5rgz7IP5tLEGA_0'],
      ['tool-call', 'gemini_wOd8abGuO5rgz7IP5tLEGA_1'],
      ['tool-call', 'gemini_wOd8abGuO5rgz7IP5tLEGA_2'],
    ])
    expect([response.finishReason, response.rawFinishReason]).toEqual(['tool-calls', 'STOP'])
    expect(response.providerData?.gemini.candidate).toEqual({ finishMessage: 'Model generated function call(s).', index: 0 })
  })

  test('SAFETY with no content; MAX_TOKENS; cached tokens (finish-safety, finish-max-tokens, cached-content-tokens)', async () => {
    const safety = convertGeminiResponse(await readJsonFixture('finish-safety.response.json'), context)
    expect([safety.content, safety.finishReason, safety.rawFinishReason]).toEqual([[], 'content-filter', 'SAFETY'])
    expect(convertGeminiResponse(await readJsonFixture('finish-max-tokens.response.json'), context).finishReason).toBe('length')
    expect(convertGeminiResponse(await readJsonFixture('cached-content-tokens.response.json'), context).usage.input).toEqual({ total: 17713, noCache: 334, cacheRead: 17379, cacheWrite: 0 })
  })

  test('a blocked prompt (promptFeedback.blockReason, no candidate) is a content filter', () => {
    const response = convertGeminiResponse({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 }, modelVersion: 'gemini-2.5-flash', responseId: 'r1' }, context)
    expect([response.content, response.finishReason, response.rawFinishReason]).toEqual([[], 'content-filter', 'PROHIBITED_CONTENT'])
    expect(response.providerData?.gemini).toEqual({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } })
  })

  test('an unreadable answer is a 502', () => {
    try {
      convertGeminiResponse({ candidates: [{ content: { parts: [{ functionCall: { args: {} } }] } }] }, context)
      throw new Error('expected a 502')
    } catch (error) {
      expect(error instanceof GatewayError && [error.status, error.code]).toEqual([502, 'invalid_upstream_response'])
    }
  })

  test(`same format through canonical: each of the ${responses.length} recorded answers renders back to a Gemini client as recorded`, async () => {
    expect(responses.length).toBe(9)
    for (const name of responses) {
      const body = await readJsonFixture(name)
      const rendered = geminiDialect.renderResponse(convertGeminiResponse(body, context), { model: 'gemini-2.5-flash', requestId: 'r', includeUsage: true })
      expect({ name, rendered }).toEqual({ name, rendered: body })
    }
  })
})
