import { describe, expect, test } from 'bun:test'
import type { CanonicalResponse } from '../../canonical'
import { unwrapForeignReasoning } from '../../formats/gemini'
import { renderGeminiResponse } from './render-gemini-response'
import recordedText from './fixtures/text.response.json'

const context = { model: 'gemini-2.5-flash', requestId: 'req_1', includeUsage: true }
const usage = { input: { total: 9, noCache: 9, cacheRead: 0, cacheWrite: 0 }, output: { total: 43, text: 9, reasoning: 34 } }

describe('renderGeminiResponse', () => {
  test('a text answer has the recorded shape (text.response.json, minus token details)', () => {
    const response: CanonicalResponse = { id: 'bzlXaa_EE_aHqtsPi_zw8Ao', model: 'gemini-2.5-flash', created: 1, content: [{ type: 'text', text: 'Hello! How can I help you today?' }], finishReason: 'stop', usage }
    const { promptTokensDetails: _details, ...counters } = recordedText.usageMetadata
    expect(renderGeminiResponse(response, context)).toEqual({ ...recordedText, usageMetadata: counters })
  })

  test('an Anthropic answer: thinking carried in an envelope, a tool call with its id, tool-calls → STOP', () => {
    const response: CanonicalResponse = {
      id: 'msg_01',
      model: 'claude-sonnet-4-5',
      created: 1,
      content: [
        { type: 'reasoning', text: 'Use the tool.', signature: 'EqQB', provider: 'anthropic' },
        { type: 'text', text: 'Checking.' },
        { type: 'tool-call', id: 'toolu_01', name: 'weather', arguments: '{"city":"Paris"}' },
      ],
      finishReason: 'tool-calls',
      rawFinishReason: 'tool_use',
      usage: { input: { total: 120, noCache: 20, cacheRead: 100, cacheWrite: 0 }, output: { total: 30, text: 30, reasoning: 0 } },
    }
    const rendered = renderGeminiResponse(response, context)
    const [thought, text, call] = rendered.candidates![0].content!.parts!
    expect([thought.text, thought.thought, unwrapForeignReasoning(thought.thoughtSignature!)]).toEqual(['Use the tool.', true, { provider: 'anthropic', signature: 'EqQB' }])
    expect([text, call]).toEqual([{ text: 'Checking.' }, { functionCall: { id: 'toolu_01', name: 'weather', args: { city: 'Paris' } } }])
    expect(rendered.candidates![0].finishReason).toBe('STOP')
    expect(rendered.usageMetadata).toEqual({ promptTokenCount: 120, cachedContentTokenCount: 100, candidatesTokenCount: 30, totalTokenCount: 150 })
    expect([rendered.modelVersion, rendered.responseId]).toEqual(['claude-sonnet-4-5', 'msg_01'])
  })

  test('Gemini fields kept in providerData come back; a blocked prompt has no candidate', () => {
    const blocked: CanonicalResponse = {
      id: 'r1',
      model: 'gemini-2.5-flash',
      created: 1,
      content: [],
      finishReason: 'content-filter',
      rawFinishReason: 'PROHIBITED_CONTENT',
      usage: { input: { total: 14, noCache: 14, cacheRead: 0, cacheWrite: 0 }, output: { total: 0, text: 0, reasoning: 0 } },
      providerData: { gemini: { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokensDetails: [{ modality: 'TEXT', tokenCount: 14 }] } } },
    }
    expect(renderGeminiResponse(blocked, context)).toEqual({
      promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
      usageMetadata: { promptTokenCount: 14, totalTokenCount: 14, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 14 }] },
      modelVersion: 'gemini-2.5-flash',
      responseId: 'r1',
    })
  })

  test('an OpenAI refusal is text; length → MAX_TOKENS', () => {
    const response: CanonicalResponse = { id: 'c1', model: 'gpt-4o', created: 1, content: [], refusal: "I can't help with that.", finishReason: 'length', usage }
    expect(renderGeminiResponse(response, context).candidates).toEqual([{ content: { parts: [{ text: "I can't help with that." }], role: 'model' }, finishReason: 'MAX_TOKENS', index: 0 }])
  })
})
