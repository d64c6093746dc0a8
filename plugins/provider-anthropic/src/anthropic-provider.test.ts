import { describe, expect, test } from 'bun:test'
import { anthropic } from './anthropic-provider'

describe('anthropic provider', () => {
  test('declares the Anthropic Messages wire format', () => {
    const { spec } = anthropic
    expect({ id: spec.id, wireFormat: spec.wireFormat, baseURL: spec.defaultBaseURL, chat: spec.endpoints.chat, auth: spec.auth, headers: spec.headers }).toEqual({
      id: 'anthropic',
      wireFormat: 'anthropic-messages',
      baseURL: 'https://api.anthropic.com',
      chat: '/v1/messages',
      auth: { type: 'header', name: 'x-api-key' },
      headers: { 'anthropic-version': '2023-06-01' },
    })
    expect(spec.passthroughHeaders).toEqual(['anthropic-beta', 'anthropic-version'])
    expect(spec.preparePassthroughBody).toBeFunction()
    expect(anthropic({ apiKey: 'k' })).toEqual({ kind: 'provider', spec, settings: { apiKey: 'k' } })
  })

  test('catalogue: unique ids under the claude- prefix, defaults within limits', () => {
    const { models, modelPrefixes } = anthropic.spec
    expect(new Set(models.map((model) => model.id)).size).toBe(models.length)
    for (const model of models) {
      expect(modelPrefixes!.some((prefix) => model.id.startsWith(prefix))).toBe(true)
      expect(model.defaultMaxTokens!).toBeLessThanOrEqual(model.maxOutputTokens!)
    }
    expect(models.map((model) => model.id)).toContain('claude-sonnet-4-5')
  })
})
