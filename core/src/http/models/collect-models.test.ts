import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import type { GatewayPlugin } from '../../plugin/gateway-plugin'
import type { ModelInfo } from '../../plugin/model-info'
import type { Provider, ProviderSpecV1 } from '../../plugin/provider-spec'
import { createModelCatalog } from '../../routing/model-catalog'
import { collectModels, describeModel, findModel, visibleModels } from './collect-models'

const provider = (id: string, models: ModelInfo[], modelPrefixes: string[] = []): Provider => ({ spec: { id, modelPrefixes } as unknown as ProviderSpecV1, id, baseURL: 'x', headers: {}, models })
const catalog = createModelCatalog(
  [
    provider('openai', [{ id: 'gpt-4o', type: 'chat', contextWindow: 128_000 }, { id: 'text-embedding-3-small', type: 'embedding' }], ['gpt-']),
    provider('anthropic', [{ id: 'claude-sonnet-4-5', type: 'chat' }]),
  ],
  { smart: 'anthropic/claude-sonnet-4-5', fast: 'gpt-4o-mini', broken: 'nowhere/x' },
)
const ids = (models: Array<{ id: string }>) => models.map((model) => model.id)

describe('collectModels', () => {
  test('each catalogue model as provider/model, then the aliases that resolve (described by their target)', () => {
    const models = collectModels(catalog)
    expect(ids(models)).toEqual(['openai/gpt-4o', 'openai/text-embedding-3-small', 'anthropic/claude-sonnet-4-5', 'smart', 'fast'])
    expect(models[3]).toEqual({ id: 'smart', provider: 'anthropic', upstreamModel: 'claude-sonnet-4-5', info: { id: 'claude-sonnet-4-5', type: 'chat' }, aliasOf: 'anthropic/claude-sonnet-4-5' })
    // An alias to a model known only by prefix is listed with what is known: its id.
    expect(models[4]).toEqual({ id: 'fast', provider: 'openai', upstreamModel: 'gpt-4o-mini', info: { id: 'gpt-4o-mini' }, aliasOf: 'openai/gpt-4o-mini' })
  })
})

describe('visibleModels', () => {
  const models = collectModels(catalog)
  test('needs models:read (or admin, or the master key)', () => {
    expect(() => visibleModels(models, { keyId: 'k', scopes: ['inference'] })).toThrow('models:read')
    expect(visibleModels(models, { keyId: 'master', scopes: ['*'] })).toHaveLength(5)
    expect(visibleModels(models, { keyId: 'k', scopes: ['admin'] })).toHaveLength(5)
  })

  test('a model allowlist shows what the key may call: by listed id, by the alias’s target, by bare id', () => {
    expect(ids(visibleModels(models, { keyId: 'k', scopes: ['models:read'], models: ['openai/*'] }))).toEqual(['openai/gpt-4o', 'openai/text-embedding-3-small', 'fast'])
    expect(ids(visibleModels(models, { keyId: 'k', scopes: ['models:read'], models: ['claude-*'] }))).toEqual(['anthropic/claude-sonnet-4-5', 'smart'])
    expect(ids(visibleModels(models, { keyId: 'k', scopes: ['models:read'], models: ['smart'] }))).toEqual(['smart'])
  })
})

describe('findModel', () => {
  const models = collectModels(catalog)
  test('by listed id, alias, or a bare catalogue id; anything else (or not visible) is a 404', () => {
    expect(findModel(models, 'anthropic/claude-sonnet-4-5', catalog).id).toBe('anthropic/claude-sonnet-4-5')
    expect(findModel(models, 'smart', catalog).id).toBe('smart')
    expect(findModel(models, 'gpt-4o', catalog).id).toBe('openai/gpt-4o')
    for (const name of ['gpt-4-turbo', 'nope', 'openai/gpt-5']) {
      try {
        findModel(models, name, catalog)
        throw new Error('expected a 404')
      } catch (error) {
        expect(error instanceof GatewayError && [error.status, error.code]).toEqual([404, 'model_not_found'])
      }
    }
  })
})

test('describeModel merges what plugins add, in order; a failing plugin adds nothing and is logged', () => {
  const errors: unknown[] = []
  const plugins: GatewayPlugin[] = [
    { name: 'billing', describeModel: (model) => (model.provider === 'openai' ? { pricing: { input: 2.5, output: 10 } } : undefined) },
    { name: 'broken', describeModel: () => { throw new Error('boom') } },
    { name: 'later', describeModel: () => ({ tier: 'gold' }) },
  ]
  const [gpt] = collectModels(catalog)
  expect(describeModel(gpt, plugins, { error: (...args: unknown[]) => errors.push(args) })).toEqual({ pricing: { input: 2.5, output: 10 }, tier: 'gold' })
  expect(errors).toHaveLength(1)
})
