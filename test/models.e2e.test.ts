import Anthropic from '@anthropic-ai/sdk'
import { GoogleGenAI } from '@google/genai'
import { afterAll, describe, expect, test } from 'bun:test'
import { definePlugin } from '@tollgate/core'
import OpenAI from 'openai'
import { createKeysGateway } from './helpers/create-keys-gateway'
import { BASE_URL, MASTER_KEY, createTestGateway } from './helpers/create-test-gateway'
import { testDatabases } from './helpers/test-databases'

const aliases = { smart: 'anthropic/claude-sonnet-4-5', embedder: 'openai/text-embedding-3-small' }
const billing = definePlugin({ name: 'billing-prices', describeModel: (model) => (model.provider === 'openai' ? { pricing: { input: 2.5, output: 10 } } : undefined) })
const gateway = createTestGateway({ aliases, plugins: [billing] })
const openai = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
const get = (path: string, headers: Record<string, string> = {}) => gateway.app.handle(new Request(`${BASE_URL}${path}`, { headers: { authorization: `Bearer ${MASTER_KEY}`, ...headers } }))

async function allOpenAIIds(): Promise<string[]> {
  const ids: string[] = []
  for await (const model of openai.models.list()) ids.push(model.id)
  return ids
}

describe('official openai SDK: models', () => {
  test('list: every catalogue model as provider/model, the config aliases, the gateway’s fields', async () => {
    const ids = await allOpenAIIds()
    expect(ids).toEqual(expect.arrayContaining(['openai/gpt-4o', 'openai/text-embedding-3-small', 'openai/gpt-3.5-turbo-instruct', 'anthropic/claude-sonnet-4-5', 'gemini/gemini-2.5-flash', 'gemini/gemini-embedding-001', 'mock/echo', 'mock/embed', 'smart', 'embedder']))
    expect(ids.slice(-2)).toEqual(['smart', 'embedder'])
    const page = await openai.models.list()
    const embedder = page.data.find((model) => model.id === 'embedder') as unknown as Record<string, unknown>
    expect(embedder).toEqual({
      id: 'embedder',
      object: 'model',
      created: 0,
      owned_by: 'openai',
      provider: 'openai',
      type: 'embedding',
      context_window: 8191,
      max_output_tokens: null,
      capabilities: [],
      pricing: { input: 2.5, output: 10 },
      alias_of: 'openai/text-embedding-3-small',
    })
    expect(page.data.find((model) => model.id === 'mock/echo')).toMatchObject({ type: 'chat', pricing: null, capabilities: ['tools', 'vision', 'json_schema'] })
  })

  test('retrieve: ids with a slash (the SDK encodes it), aliases, bare catalogue ids; unknown → 404', async () => {
    expect(await openai.models.retrieve('anthropic/claude-sonnet-4-5')).toMatchObject({ id: 'anthropic/claude-sonnet-4-5', object: 'model', owned_by: 'anthropic', context_window: 200_000 })
    expect(await openai.models.retrieve('smart')).toMatchObject({ id: 'smart', alias_of: 'anthropic/claude-sonnet-4-5' })
    expect(await openai.models.retrieve('gpt-4o')).toMatchObject({ id: 'openai/gpt-4o', pricing: { input: 2.5, output: 10 } })
    expect(await (await get('/v1/models/anthropic/claude-sonnet-4-5')).json()).toMatchObject({ id: 'anthropic/claude-sonnet-4-5' })
    const missing = await openai.models.retrieve('gpt-nope').catch((caught) => caught)
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError)
    expect(missing.error).toMatchObject({ type: 'not_found_error', code: 'model_not_found', param: 'model' })
  })

  test('filters ?provider= and ?type=; a bad filter is a 400 naming it', async () => {
    const embeddings = await (await get('/v1/models?type=embedding&provider=openai')).json()
    expect(embeddings.data.map((model: { id: string }) => model.id)).toEqual(['openai/text-embedding-3-small', 'openai/text-embedding-3-large', 'openai/text-embedding-ada-002', 'embedder'])
    expect((await (await get('/v1/models?type=completion')).json()).data.map((model: { id: string }) => model.id)).toEqual(['openai/gpt-3.5-turbo-instruct', 'openai/davinci-002', 'openai/babbage-002'])
    const bad = await get('/v1/models?provider=azure')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatchObject({ param: 'provider', type: 'invalid_request_error' })
  })

  test('cursor pagination: limit/after walks the whole list, before walks back', async () => {
    const all = await allOpenAIIds()
    const walked: string[] = []
    let after: string | undefined
    for (;;) {
      const page = await (await get(`/v1/models?limit=7${after ? `&after=${encodeURIComponent(after)}` : ''}`)).json()
      walked.push(...page.data.map((model: { id: string }) => model.id))
      expect(page).toMatchObject({ object: 'list', first_id: page.data[0].id, last_id: page.data.at(-1).id })
      if (!page.has_more) break
      after = page.last_id
    }
    expect(walked).toEqual(all)
    const back = await (await get(`/v1/models?limit=3&before=${encodeURIComponent(all[5])}`)).json()
    expect(back).toMatchObject({ data: all.slice(2, 5).map((id) => ({ id })), has_more: true })
    expect((await get('/v1/models?after=no-such-id')).status).toBe(400)
  })
})

describe('official @anthropic-ai/sdk: models', () => {
  const anthropic = new Anthropic({ apiKey: MASTER_KEY, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })

  test('list in Anthropic’s shape, auto-paginated by the SDK (after_id), the same models', async () => {
    const ids: string[] = []
    for await (const model of anthropic.models.list({ limit: 10 })) {
      expect(model as unknown).toEqual({ type: 'model', id: model.id, display_name: model.id, created_at: '1970-01-01T00:00:00Z' })
      ids.push(model.id)
    }
    expect(ids).toEqual(await allOpenAIIds())
    const first = await anthropic.models.list()
    expect(first.data).toHaveLength(20)
    expect(first.has_more).toBe(true)
  })

  test('retrieve, and errors in Anthropic’s shape', async () => {
    expect((await anthropic.models.retrieve('anthropic/claude-haiku-4-5')) as unknown).toEqual({ type: 'model', id: 'anthropic/claude-haiku-4-5', display_name: 'anthropic/claude-haiku-4-5', created_at: '1970-01-01T00:00:00Z' })
    const missing = await anthropic.models.retrieve('claude-nope').catch((caught) => caught)
    expect(missing).toBeInstanceOf(Anthropic.NotFoundError)
    expect(missing.error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } })
  })
})

describe('official @google/genai SDK: models', () => {
  const listening = createTestGateway({ aliases })
  listening.app.listen({ hostname: '127.0.0.1', port: 0 })
  afterAll(() => listening.app.stop())
  const genai = new GoogleGenAI({ apiKey: MASTER_KEY, httpOptions: { baseUrl: `http://127.0.0.1:${listening.app.server!.port}` } })

  test('list (GET /v1/models with x-goog-api-key) in Google’s shape, paged by the SDK', async () => {
    const names: string[] = []
    for await (const model of await genai.models.list({ config: { pageSize: 15 } })) names.push(model.name!)
    expect(names.map((name) => name.replace(/^models\//, ''))).toEqual(await allOpenAIIds())
    const pager = await genai.models.list()
    const embedding = pager.page.find((model) => model.name === 'models/gemini/gemini-embedding-001')
    expect(embedding).toMatchObject({ displayName: 'gemini/gemini-embedding-001', inputTokenLimit: 2048, supportedActions: ['embedContent', 'batchEmbedContents'] })
  })

  test('get a model; REST under /v1beta too', async () => {
    expect(await genai.models.get({ model: 'gemini-2.5-flash' })).toMatchObject({ name: 'models/gemini/gemini-2.5-flash', inputTokenLimit: 1_048_576, outputTokenLimit: 65_536, supportedActions: ['generateContent', 'streamGenerateContent', 'countTokens'] })
    const response = await fetch(`http://127.0.0.1:${listening.app.server!.port}/v1beta/models?key=${MASTER_KEY}&pageSize=2`)
    expect(await response.json()).toEqual({
      models: [
        { name: 'models/openai/gpt-4o', displayName: 'openai/gpt-4o', inputTokenLimit: 128_000, outputTokenLimit: 16_384, supportedGenerationMethods: ['generateContent', 'streamGenerateContent', 'countTokens'] },
        { name: 'models/openai/gpt-4o-mini', displayName: 'openai/gpt-4o-mini', inputTokenLimit: 128_000, outputTokenLimit: 16_384, supportedGenerationMethods: ['generateContent', 'streamGenerateContent', 'countTokens'] },
      ],
      nextPageToken: 'openai/gpt-4o-mini',
    })
    const missing = await fetch(`http://127.0.0.1:${listening.app.server!.port}/v1beta/models/nope?key=${MASTER_KEY}`)
    expect(missing.status).toBe(404)
    expect((await missing.json()).error).toMatchObject({ code: 404, status: 'NOT_FOUND' })
  })
})

describe('only the models a key may use', async () => {
  const [sqlite] = await testDatabases()
  const keysGateway = await createKeysGateway(sqlite, { config: { aliases } })
  afterAll(() => keysGateway.stop())
  const account = await keysGateway.createAccount()

  test('a model allowlist narrows the list (by listed id, bare id or alias target); retrieve outside it is a 404', async () => {
    const { key } = await keysGateway.createKey(account.id, { models: ['mock/*', 'claude-sonnet-4-5'] })
    const listed = await keysGateway.call(key, 'GET', '/v1/models')
    expect(listed.body.data.map((model: { id: string }) => model.id)).toEqual(['anthropic/claude-sonnet-4-5', 'mock/echo', 'mock/tools', 'mock/reasoning', 'mock/embed', 'smart'])
    expect((await keysGateway.call(key, 'GET', '/v1/models/openai%2Fgpt-4o')).status).toBe(404)
    expect((await keysGateway.call(key, 'GET', '/v1/models/mock%2Fembed')).body).toMatchObject({ id: 'mock/embed', type: 'embedding' })
  })

  test('listing needs models:read: 403 in the shape of the client that asks', async () => {
    const { key } = await keysGateway.createKey(account.id, { scopes: ['inference'] })
    const openaiShape = await keysGateway.call(key, 'GET', '/v1/models')
    expect(openaiShape.status).toBe(403)
    expect(openaiShape.body.error).toMatchObject({ type: 'permission_error', code: 'insufficient_scope' })
    const anthropicShape = await keysGateway.call(key, 'GET', '/v1/models', undefined, { 'anthropic-version': '2023-06-01' })
    expect(anthropicShape.body).toMatchObject({ type: 'error', error: { type: 'permission_error' } })
    const googleShape = await keysGateway.call(key, 'GET', '/v1beta/models')
    expect(googleShape.body.error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' })
    expect((await keysGateway.call(undefined, 'GET', '/v1/models')).status).toBe(401)
  })
})
