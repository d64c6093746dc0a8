import { describe, expect, test } from 'bun:test'
import { defineProvider, type ProviderSpecV1 } from '../plugin/provider-spec'
import { createProvider } from './create-provider'
import { createModelCatalog } from './model-catalog'

const spec = (id: string, models: string[], prefixes: string[]): ProviderSpecV1 => ({
  specificationVersion: 'v1',
  id,
  name: id,
  wireFormat: id,
  defaultBaseURL: `https://${id}.example/v1/`,
  env: { apiKey: `${id.toUpperCase()}_KEY`, baseURL: `${id.toUpperCase()}_BASE` },
  auth: { type: 'bearer' },
  endpoints: { chat: '/chat' },
  models: models.map((model) => ({ id: model })),
  modelPrefixes: prefixes,
  convertRequest: () => ({ body: {} }),
  convertResponse: () => {
    throw new Error('unused')
  },
  createStreamConverter: () => ({ event: () => [], end: () => [] }),
  convertError: (status) => ({ status, message: 'x' }),
})

const alpha = createProvider(defineProvider(spec('alpha', ['a-1'], ['a-']))(), { ALPHA_KEY: 'k', ALPHA_BASE: 'http://custom/v1/' })
const beta = createProvider(defineProvider(spec('beta', ['b-1', 'shared'], ['b-', 'a-']))(), {})
const catalog = createModelCatalog([alpha, beta], { fast: 'beta/b-1', 'my-model': 'a-9' })

describe('model catalog', () => {
  test('explicit provider/model', () => {
    const route = catalog.resolve('beta/whatever-new')
    expect(route.provider.id).toBe('beta')
    expect(route.upstreamModel).toBe('whatever-new')
  })

  test('bare known id, then prefixes in provider order', () => {
    expect(catalog.resolve('shared').provider.id).toBe('beta')
    expect(catalog.resolve('a-new').provider.id).toBe('alpha')
    expect(catalog.resolve('b-new').provider.id).toBe('beta')
  })

  test('aliases resolve to their target', () => {
    expect(catalog.resolve('fast')).toMatchObject({ upstreamModel: 'b-1' })
    expect(catalog.resolve('my-model')).toMatchObject({ upstreamModel: 'a-9' })
    expect(catalog.resolve('my-model').provider.id).toBe('alpha')
  })

  test('unknown model is a 404 model_not_found naming the param', () => {
    expect(() => catalog.resolve('nope')).toThrow(expect.objectContaining({ status: 404, code: 'model_not_found', param: 'model' }))
    expect(() => catalog.resolve('gamma/x')).toThrow(expect.objectContaining({ status: 404 }))
  })

  test('credentials and base URL come from the environment; trailing slashes trimmed', () => {
    expect(alpha.apiKey).toBe('k')
    expect(alpha.baseURL).toBe('http://custom/v1')
    expect(beta.baseURL).toBe('https://beta.example/v1')
  })
})
