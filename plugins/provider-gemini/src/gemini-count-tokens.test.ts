import { expect, test } from 'bun:test'
import { GatewayError, type CanonicalRequest } from '@tollgate/core'
import { geminiCountTokens } from './gemini-count-tokens'

const context = { modelId: 'gemini-2.5-flash' }

test('a canonical request is counted as a whole generateContentRequest of the routed model', () => {
  const request: CanonicalRequest = {
    model: 'm',
    system: [{ type: 'text', text: 'Be brief.' }],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
    stopSequences: ['x'],
    user: 'u',
    stream: true,
    extra: {},
  }
  expect(geminiCountTokens.convertRequest(request, context)).toEqual({
    path: '/v1beta/models/gemini-2.5-flash:countTokens',
    body: {
      generateContentRequest: {
        model: 'models/gemini-2.5-flash',
        contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        generationConfig: { stopSequences: ['x'] },
      },
    },
  })
})

test('a Gemini client’s request goes as sent, with the routed model', () => {
  const body = { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }], futureField: 1 }
  expect(geminiCountTokens.preparePassthroughBody!(body, context)).toEqual({ path: '/v1beta/models/gemini-2.5-flash:countTokens', body: { generateContentRequest: { ...body, model: 'models/gemini-2.5-flash' } } })
})

test('the answer is totalTokens (CountTokensResponse); without it a 502', () => {
  expect(geminiCountTokens.convertResponse({ totalTokens: 10, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 10 }] }, context)).toBe(10)
  expect(() => geminiCountTokens.convertResponse({}, context)).toThrow(GatewayError)
})
