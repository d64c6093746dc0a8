import { describe, expect, test } from 'bun:test'
import { GatewayError, type CanonicalRequest } from '@tollgate/core'
import { anthropicCountTokens } from './anthropic-count-tokens'

const context = { modelId: 'claude-haiku-4-5', model: { id: 'claude-haiku-4-5', defaultMaxTokens: 8192 } }

describe('anthropicCountTokens', () => {
  test('a canonical request becomes a count_tokens body: messages, system, tools, thinking; no generation settings', () => {
    const request: CanonicalRequest = {
      model: 'claude-haiku-4-5',
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] }],
      tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      reasoning: { budgetTokens: 2048 },
      temperature: 0.3,
      maxOutputTokens: 100,
      stream: true,
      extra: { 'anthropic-messages': { service_tier: 'auto' } },
    }
    const converted = anthropicCountTokens.convertRequest(request, context)
    expect(converted.body).toEqual({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] }],
      system: 'Be brief.',
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      thinking: { type: 'enabled', budget_tokens: 2048 },
    })
  })

  test('the same-format body goes as sent, only the model replaced', () => {
    const body = { model: 'smart', messages: [{ role: 'user', content: 'Hi' }], tools: [{ type: 'web_search_20250305', name: 'web_search' }] }
    expect(anthropicCountTokens.preparePassthroughBody!(body, context)).toEqual({ body: { ...body, model: 'claude-haiku-4-5' } })
    expect(body.model).toBe('smart')
  })

  test('the answer is input_tokens; an answer without it is a 502', () => {
    expect(anthropicCountTokens.convertResponse({ input_tokens: 2095 }, context)).toBe(2095)
    expect(() => anthropicCountTokens.convertResponse({}, context)).toThrow(GatewayError)
  })
})
