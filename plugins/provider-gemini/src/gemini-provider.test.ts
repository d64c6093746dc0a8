import { describe, expect, test } from 'bun:test'
import { runProviderContract } from '@tollgate/core/testing'
import { fixtureNames, readFixture, readJsonFixture } from '../test-support/read-fixture'
import { gemini } from './gemini-provider'

const errorFiles: Record<string, number> = {
  'error-400-api-key-invalid.json': 400,
  'error-404-model-not-found.response.json': 404,
  'error-429-resource-exhausted.json': 429,
  'error-503-unavailable.json': 503,
}
const responseNames = fixtureNames('*.response.json').filter((name) => !name.startsWith('error-'))

/** The shared provider contract, on every recorded Gemini SSE stream and response of this package. */
runProviderContract(gemini, {
  modelId: 'gemini-2.5-flash',
  streams: Object.fromEntries(await Promise.all(fixtureNames('*.sse').map(async (name) => [name, await readFixture(name)]))),
  responses: Object.fromEntries(await Promise.all(responseNames.map(async (name) => [name, await readJsonFixture(name)]))),
  errors: Object.fromEntries(await Promise.all(Object.entries(errorFiles).map(async ([name, status]) => [name, { status, body: await readJsonFixture(name) }]))),
})

describe('gemini provider spec', () => {
  test('declares the Gemini wire format, the x-goog-api-key header, env names and prefixes', () => {
    const { spec } = gemini
    expect([spec.id, spec.wireFormat, spec.defaultBaseURL]).toEqual(['gemini', 'gemini', 'https://generativelanguage.googleapis.com'])
    expect(spec.auth).toEqual({ type: 'header', name: 'x-goog-api-key' })
    expect(spec.env).toEqual({ apiKey: 'GEMINI_API_KEY', baseURL: 'GEMINI_BASE_URL' })
    expect(spec.modelPrefixes).toEqual(['gemini-', 'gemma-'])
  })

  test('the path names the model and the method, SSE for streams (converted and fast path alike)', () => {
    const request = { model: 'gemini-2.5-flash', messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }], extra: {} }
    const context = { modelId: 'gemini-2.5-flash' }
    expect(gemini.spec.convertRequest({ ...request, stream: false }, context).path).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
    expect(gemini.spec.convertRequest({ ...request, stream: true }, context).path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse')
    expect([false, true].map((stream) => gemini.spec.passthroughPath!({ modelId: 'gemini-3-pro-preview' }, stream))).toEqual([
      '/v1beta/models/gemini-3-pro-preview:generateContent',
      '/v1beta/models/gemini-3-pro-preview:streamGenerateContent?alt=sse',
    ])
  })

  test('catalogue: unique ids, the recorded models, outputs within context windows, reasoning on thinking models', () => {
    const ids = gemini.spec.models.map((model) => model.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ['gemini-3-pro-preview', 'gemini-3-flash-preview', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.0-flash']) expect(ids).toContain(id)
    expect(gemini.spec.models.every((model) => (model.maxOutputTokens ?? 0) < (model.contextWindow ?? 0))).toBe(true)
    expect(gemini.spec.models.filter((model) => model.capabilities?.includes('reasoning')).map((model) => model.id)).not.toContain('gemini-2.0-flash')
  })

  test('the factory carries settings', () => {
    expect(gemini({ apiKey: 'test-key' })).toEqual({ kind: 'provider', spec: gemini.spec, settings: { apiKey: 'test-key' } })
  })
})
