import { describe, expect, test } from 'bun:test'
import { readRoutingPreferences } from './read-routing-preferences'

const base = { model: 'smart', messages: [] }

describe('readRoutingPreferences', () => {
  test('a body without preferences is returned as is', () => {
    const body = { ...base, temperature: 0.2 }
    expect(readRoutingPreferences(body)).toEqual({ body })
    expect(readRoutingPreferences(body).body).toBe(body)
  })

  test('the fields are removed from the body; other fields stay', () => {
    const { body, preferences } = readRoutingPreferences({ ...base, provider: 'anthropic', models: ['fast'], temperature: 0.2 })
    expect(body).toEqual({ ...base, temperature: 0.2 })
    expect(preferences).toEqual({ provider: { order: ['anthropic'], allowFallbacks: false }, models: ['fast'] })
  })

  test('string and array forms pin the providers (no fallbacks to others)', () => {
    expect(readRoutingPreferences({ ...base, provider: ['anthropic', 'openai'] }).preferences).toEqual({ provider: { order: ['anthropic', 'openai'], allowFallbacks: false } })
  })

  test('object form (OpenRouter style): allow_fallbacks defaults to true', () => {
    const { preferences } = readRoutingPreferences({ ...base, provider: { order: ['openai'], ignore: ['mock'], only: ['openai', 'anthropic'], sort: 'price' } })
    expect(preferences).toEqual({ provider: { order: ['openai'], ignore: ['mock'], only: ['openai', 'anthropic'], sort: 'price', allowFallbacks: true } })
    expect(readRoutingPreferences({ ...base, provider: { order: ['openai'], allow_fallbacks: false } }).preferences?.provider?.allowFallbacks).toBe(false)
  })

  test('null and empty values count as absent (but are still removed)', () => {
    expect(readRoutingPreferences({ ...base, provider: null, models: [] })).toEqual({ body: base, preferences: undefined })
  })

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['provider of the wrong type', { provider: 3 }, 'provider'],
    ['empty provider id', { provider: ' ' }, 'provider'],
    ['empty provider list', { provider: [] }, 'provider'],
    ['non-string entry in a provider list', { provider: ['openai', 2] }, 'provider[1]'],
    ['unknown provider preference', { provider: { quantizations: ['fp8'] } }, 'provider.quantizations'],
    ['order not an array', { provider: { order: 'openai' } }, 'provider.order'],
    ['repeated provider', { provider: { ignore: ['mock', 'mock'] } }, 'provider.ignore[1]'],
    ['allow_fallbacks not a boolean', { provider: { order: ['openai'], allow_fallbacks: 'no' } }, 'provider.allow_fallbacks'],
    ['allow_fallbacks false without an order', { provider: { allow_fallbacks: false } }, 'provider.allow_fallbacks'],
    ['unknown sort', { provider: { sort: 'throughput' } }, 'provider.sort'],
    ['models not an array', { models: 'fast' }, 'models'],
    ['empty model name', { models: ['fast', ''] }, 'models[1]'],
    ['too many models', { models: Array.from({ length: 11 }, (_, index) => `m${index}`) }, 'models'],
  ]
  for (const [name, fields, param] of invalid) {
    test(`400 naming '${param}': ${name}`, () => {
      expect(() => readRoutingPreferences({ ...base, ...fields })).toThrow(expect.objectContaining({ status: 400, param, type: 'invalid_request_error' }))
    })
  }
})
