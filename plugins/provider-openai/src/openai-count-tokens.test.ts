import { expect, test } from 'bun:test'
import { GatewayError, type CanonicalRequest } from '@tollgate/core'
import { openaiCountTokens } from './openai-count-tokens'

const context = { modelId: 'gpt-4o' }

test('a canonical request becomes an input_tokens body: instructions, input, tools; no generation settings', () => {
  const request: CanonicalRequest = {
    model: 'gpt-4o',
    system: [{ type: 'text', text: 'Be brief.' }],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Tell me a joke.' }] }],
    tools: [{ name: 'get_weather', parameters: { type: 'object' } }],
    maxOutputTokens: 100,
    temperature: 0.5,
    stream: true,
    extra: {},
  }
  expect(openaiCountTokens.convertRequest(request, context)).toEqual({
    body: {
      model: 'gpt-4o',
      instructions: 'Be brief.',
      input: [{ role: 'user', content: 'Tell me a joke.' }],
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }],
    },
  })
})

test('the answer (API reference shape) is input_tokens; an answer without it is a 502', () => {
  expect(openaiCountTokens.convertResponse({ object: 'response.input_tokens', input_tokens: 11 }, context)).toBe(11)
  expect(() => openaiCountTokens.convertResponse({ object: 'response.input_tokens' }, context)).toThrow(GatewayError)
})
