import { GoogleGenAI } from '@google/genai'
import { afterAll, describe, expect, test } from 'bun:test'
import { definePlugin, encodeFloat32Base64, type Usage } from '@tollgate/core'
import { routing } from '@tollgate/routing'
import OpenAI from 'openai'
import { BASE_URL, GEMINI_SECRET, MASTER_KEY, OPENAI_SECRET, createTestGateway, readJsonFixture } from './helpers/create-test-gateway'

/** Upstream answers: examples of the providers' API references (no recordings exist; see fixtures/doc-examples/README.md). */
const openaiDocumented = await readJsonFixture('doc-examples/openai-embeddings.response.json')
const geminiDocumented = await readJsonFixture('doc-examples/gemini-batch-embed-contents.response.json')
const documentedVector: number[] = openaiDocumented.data[0].embedding
const base64Answer = { ...openaiDocumented, data: [{ ...openaiDocumented.data[0], embedding: encodeFloat32Base64(documentedVector) }] }

function meteredGateway() {
  const usages: Usage[] = []
  const gateway = createTestGateway({ plugins: [definePlugin({ name: 'meter', hooks: { onUsage: (_context, usage) => void usages.push(usage) } })] })
  const openai = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
  return { gateway, openai, usages }
}

describe('official openai SDK: embeddings', () => {
  test('the SDK’s default (base64) reaches OpenAI as base64 and the exact float32 bytes come back', async () => {
    const { gateway, openai, usages } = meteredGateway()
    gateway.openaiUpstream.reply({ json: base64Answer })
    const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'The food was delicious and the waiter...' })
    expect(response.data[0].embedding).toEqual(documentedVector.map(Math.fround))
    expect(response.usage).toEqual({ prompt_tokens: 8, total_tokens: 8 })
    const sent = gateway.openaiUpstream.lastRequest!
    expect(sent.url).toBe('https://api.openai.test/v1/embeddings')
    expect(sent.headers.authorization).toBe(`Bearer ${OPENAI_SECRET}`)
    expect(sent.body).toEqual({ model: 'text-embedding-3-small', input: ['The food was delicious and the waiter...'], encoding_format: 'base64' })
    await gateway.waitForFinishes(1)
    expect(usages).toEqual([{ input: { total: 8, noCache: 8, cacheRead: 0, cacheWrite: 0 }, output: { total: 0, text: 0, reasoning: 0 } }])
    expect(gateway.finishes[0].info).toMatchObject({ outcome: 'ok', status: 200 })
  })

  test('base64 on the wire is byte-identical to the upstream’s', async () => {
    const { gateway } = meteredGateway()
    gateway.openaiUpstream.reply({ json: base64Answer })
    const response = await gateway.post('/v1/embeddings', { model: 'openai/text-embedding-3-small', input: ['a'], encoding_format: 'base64' })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-tollgate-provider')).toBe('openai')
    expect(response.headers.get('x-tollgate-upstream-model')).toBe('text-embedding-3-small')
    const body = await response.json()
    expect(body.data[0].embedding).toBe(base64Answer.data[0].embedding)
    expect(body.model).toBe('openai/text-embedding-3-small')
  })

  test('float: the documented answer comes back as OpenAI printed it; dimensions and unknown fields reach OpenAI', async () => {
    const { gateway, openai } = meteredGateway()
    gateway.openaiUpstream.reply({ json: openaiDocumented })
    const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['a'], encoding_format: 'float', dimensions: 3, service_tier: 'flex' } as OpenAI.EmbeddingCreateParams)
    expect(response.data[0].embedding).toEqual([0.0023064255, -0.009327292, -0.0028842222])
    expect(gateway.openaiUpstream.lastRequest!.body).toEqual({ model: 'text-embedding-3-small', input: ['a'], encoding_format: 'float', dimensions: 3, service_tier: 'flex' })
  })

  test('cross-provider: an OpenAI client embeds with Gemini (base64 encoded by the gateway); usage estimated when Gemini reports none', async () => {
    const { gateway, openai, usages } = meteredGateway()
    gateway.geminiUpstream.reply({ json: geminiDocumented })
    const response = await openai.embeddings.create({ model: 'gemini-embedding-001', input: ['What is the meaning of life?', 'How much wood would a woodchuck chuck?'], dimensions: 3 })
    expect(response.data.map((item) => item.embedding)).toEqual(geminiDocumented.embeddings.map((embedding: { values: number[] }) => embedding.values.map(Math.fround)))
    const sent = gateway.geminiUpstream.lastRequest!
    expect(sent.url).toBe('https://gemini.googleapis.test/v1beta/models/gemini-embedding-001:batchEmbedContents')
    expect(sent.headers['x-goog-api-key']).toBe(GEMINI_SECRET)
    expect(sent.body.requests[1]).toEqual({ model: 'models/gemini-embedding-001', content: { parts: [{ text: 'How much wood would a woodchuck chuck?' }] }, outputDimensionality: 3 })
    // 28 and 38 characters at 4 per token.
    expect(response.usage).toEqual({ prompt_tokens: 7 + 10, total_tokens: 17 })
    await gateway.waitForFinishes(1)
    expect(usages.map((usage) => usage.input.total)).toEqual([17])
    expect(gateway.finishes[0].context.state.usageEstimated).toBe(true)
  })

  test('the mock embeds deterministically (same text, same vector), offline', async () => {
    const { openai } = meteredGateway()
    const first = await openai.embeddings.create({ model: 'mock/embed', input: ['same', 'other', 'same'], dimensions: 8 })
    expect(first.data.map((item) => item.embedding.length)).toEqual([8, 8, 8])
    expect(first.data[2].embedding).toEqual(first.data[0].embedding)
    expect(first.data[1].embedding).not.toEqual(first.data[0].embedding)
  })

  test('a model whose provider has no embeddings: a 400 naming model; bad input: a 400 naming input; both finish once', async () => {
    const { gateway, openai } = meteredGateway()
    const error = await openai.embeddings.create({ model: 'claude-haiku-4-5', input: 'x' }).catch((caught) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error.error).toMatchObject({ type: 'invalid_request_error', param: 'model', code: 'embeddings_not_supported' })
    const invalid = await gateway.post('/v1/embeddings', { model: 'mock/embed', input: [] })
    expect(invalid.status).toBe(400)
    expect((await invalid.json()).error).toMatchObject({ type: 'invalid_request_error', param: 'input' })
    expect(gateway.anthropicUpstream.requests).toHaveLength(0)
    await gateway.waitForFinishes(2)
    expect(gateway.finishes.map((finish) => finish.info.outcome)).toEqual(['error', 'error'])
  })

  test('the routing plugin’s fallbacks apply: a failing OpenAI deployment falls back to Gemini; metered once', async () => {
    const usages: Usage[] = []
    const vectors = { deployments: [{ provider: 'openai', model: 'text-embedding-3-small', baseURL: 'https://east.openai.test/v1', apiKey: 'sk-east' }, { provider: 'gemini', model: 'gemini-embedding-001' }] }
    const gateway = createTestGateway({ plugins: [routing({ routes: { vectors }, retry: { retries: 0 } }), definePlugin({ name: 'meter', hooks: { onUsage: (_context, usage) => void usages.push(usage) } })] })
    gateway.openaiUpstream.reply({ status: 503, json: { error: { message: 'The server is overloaded', type: 'server_error', param: null, code: null } } })
    gateway.geminiUpstream.reply({ json: geminiDocumented })
    const response = await gateway.post('/v1/embeddings', { model: 'vectors', input: ['a', 'b'], encoding_format: 'float' })
    expect(response.status).toBe(200)
    expect([response.headers.get('x-tollgate-provider'), response.headers.get('x-tollgate-attempts')]).toEqual(['gemini', '2'])
    expect(gateway.openaiUpstream.lastRequest!.url).toBe('https://east.openai.test/v1/embeddings')
    expect((await response.json()).data[1].embedding).toEqual(geminiDocumented.embeddings[1].values)
    await gateway.waitForFinishes(1)
    expect(usages).toHaveLength(1)
  })

  test('upstream errors come back in the OpenAI shape (429 with Retry-After)', async () => {
    const { gateway, openai } = meteredGateway()
    gateway.openaiUpstream.reply({ status: 429, headers: { 'retry-after': '3' }, json: { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } } })
    const error = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }).catch((caught) => caught)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect(error.headers.get('retry-after')).toBe('3')
  })
})

describe('official @google/genai SDK: embedContent', () => {
  const gateway = createTestGateway()
  gateway.app.listen({ hostname: '127.0.0.1', port: 0 })
  afterAll(() => gateway.app.stop())
  const genai = new GoogleGenAI({ apiKey: MASTER_KEY, httpOptions: { baseUrl: `http://127.0.0.1:${gateway.app.server!.port}` } })

  test('same dialect: batchEmbedContents reaches Gemini with the task type and dimensions', async () => {
    gateway.geminiUpstream.reply({ json: geminiDocumented })
    const response = await genai.models.embedContent({ model: 'gemini-embedding-001', contents: ['What is the meaning of life?', 'How do I bake a cake?'], config: { taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 3 } })
    expect(response.embeddings?.map((embedding) => embedding.values)).toEqual(geminiDocumented.embeddings.map((embedding: { values: number[] }) => embedding.values))
    const sent = gateway.geminiUpstream.lastRequest!
    expect(sent.url).toBe('https://gemini.googleapis.test/v1beta/models/gemini-embedding-001:batchEmbedContents')
    expect(sent.body.requests[0]).toEqual({ model: 'models/gemini-embedding-001', content: { parts: [{ text: 'What is the meaning of life?' }] }, taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 3 })
  })

  test('cross-provider: a Gemini client embeds with OpenAI (floats asked for, the task type reported)', async () => {
    gateway.openaiUpstream.reply({ json: openaiDocumented })
    const response = await genai.models.embedContent({ model: 'openai/text-embedding-3-small', contents: 'The food was delicious', config: { taskType: 'SEMANTIC_SIMILARITY' } })
    expect(response.embeddings?.[0].values).toEqual(documentedVector)
    expect(gateway.openaiUpstream.lastRequest!.body).toEqual({ model: 'text-embedding-3-small', input: ['The food was delicious'], encoding_format: 'float' })
    expect(response.sdkHttpResponse?.headers?.['x-tollgate-warnings']).toBe('taskType: OpenAI embeddings have no task type; not sent')
  })

  test('an upstream answering fewer vectors than inputs is a 502, not a silent mismatch', async () => {
    gateway.openaiUpstream.reply({ json: openaiDocumented })
    const error = await genai.models.embedContent({ model: 'openai/text-embedding-3-small', contents: ['a', 'b'] }).catch((caught) => caught)
    expect(String(error)).toContain('returned 1 embeddings for 2 inputs')
  })

  test(':embedContent over REST answers one embedding; errors in Google’s shape', async () => {
    const url = `http://127.0.0.1:${gateway.app.server!.port}/v1beta/models/mock%2Fembed:embedContent`
    const headers = { 'content-type': 'application/json', 'x-goog-api-key': MASTER_KEY }
    const single = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ content: { parts: [{ text: 'hello' }] }, outputDimensionality: 4 }) })
    expect((await single.json()).embedding.values).toHaveLength(4)
    const broken = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ content: { parts: [{ inlineData: { mimeType: 'image/png', data: 'AA==' } }] } }) })
    expect(broken.status).toBe(400)
    expect((await broken.json()).error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', details: [{ reason: 'INVALID_REQUEST' }, { fieldViolations: [{ field: 'content.parts[0].text' }] }] })
  })
})
