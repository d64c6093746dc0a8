import Anthropic from '@anthropic-ai/sdk'
import { GoogleGenAI } from '@google/genai'
import { afterAll, describe, expect, test } from 'bun:test'
import { definePlugin, type Usage } from '@tollgate/core'
import { ANTHROPIC_SECRET, BASE_URL, MASTER_KEY, createTestGateway, readJsonFixture } from './helpers/create-test-gateway'

/** API reference examples (no recordings of token counting exist; see fixtures/doc-examples/README.md). */
const anthropicCount = await readJsonFixture('doc-examples/anthropic-count-tokens.response.json')
const geminiCount = await readJsonFixture('doc-examples/gemini-count-tokens.response.json')
const openaiCount = await readJsonFixture('doc-examples/openai-input-tokens.response.json')

function countingGateway() {
  const usages: Usage[] = []
  const gateway = createTestGateway({ plugins: [definePlugin({ name: 'meter', hooks: { onUsage: (_context, usage) => void usages.push(usage) } })] })
  const anthropic = new Anthropic({ apiKey: MASTER_KEY, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })
  return { gateway, anthropic, usages }
}

const messages = [{ role: 'user' as const, content: 'Hello, Claude' }]

describe('official @anthropic-ai/sdk: messages.countTokens', () => {
  test('an Anthropic model: the body goes to count_tokens as sent (beta header too); exact; nothing metered, finished once', async () => {
    const { gateway, anthropic, usages } = countingGateway()
    gateway.anthropicUpstream.reply({ json: anthropicCount })
    const { data, response } = await anthropic.messages
      .countTokens({ model: 'claude-sonnet-4-5', system: 'Be brief.', messages, tools: [{ name: 'get_weather', input_schema: { type: 'object' } }] }, { headers: { 'anthropic-beta': 'token-counting-2024-11-01' } })
      .withResponse()
    expect(data).toEqual({ input_tokens: 2095 })
    expect(response.headers.get('x-tollgate-token-count')).toBe('provider')
    const sent = gateway.anthropicUpstream.lastRequest!
    expect(sent.url).toBe('https://api.anthropic.test/v1/messages/count_tokens')
    expect(sent.headers['x-api-key']).toBe(ANTHROPIC_SECRET)
    expect(sent.headers['anthropic-beta']).toBe('token-counting-2024-11-01')
    expect(sent.body).toEqual({ model: 'claude-sonnet-4-5', system: 'Be brief.', messages, tools: [{ name: 'get_weather', input_schema: { type: 'object' } }] })
    await gateway.waitForFinishes(1)
    expect(gateway.finishes.map((finish) => finish.info.outcome)).toEqual(['ok'])
    expect(usages).toEqual([])
  })

  test('a Gemini model: counted by Gemini’s :countTokens (exact)', async () => {
    const { gateway, anthropic } = countingGateway()
    gateway.geminiUpstream.reply({ json: geminiCount })
    expect(await anthropic.messages.countTokens({ model: 'gemini-2.5-flash', system: 'Be brief.', messages })).toEqual({ input_tokens: 10 })
    const sent = gateway.geminiUpstream.lastRequest!
    expect(sent.url).toBe('https://gemini.googleapis.test/v1beta/models/gemini-2.5-flash:countTokens')
    expect(sent.body).toEqual({ generateContentRequest: { model: 'models/gemini-2.5-flash', contents: [{ role: 'user', parts: [{ text: 'Hello, Claude' }] }], systemInstruction: { parts: [{ text: 'Be brief.' }] } } })
  })

  test('an OpenAI model: counted by OpenAI’s /responses/input_tokens (exact)', async () => {
    const { gateway, anthropic } = countingGateway()
    gateway.openaiUpstream.reply({ json: openaiCount })
    expect(await anthropic.messages.countTokens({ model: 'gpt-4o', messages })).toEqual({ input_tokens: 11 })
    expect(gateway.openaiUpstream.lastRequest!.url).toBe('https://api.openai.test/v1/responses/input_tokens')
    expect(gateway.openaiUpstream.lastRequest!.body).toEqual({ model: 'gpt-4o', input: [{ role: 'user', content: 'Hello, Claude' }] })
  })

  test('a provider that cannot count: the gateway’s estimate, marked as such', async () => {
    const { anthropic } = countingGateway()
    const { data, response } = await anthropic.messages.countTokens({ model: 'mock/echo', messages }).withResponse()
    // "Hello, Claude": 13 characters → 4 tokens, + 4 per message + 4 for the reply.
    expect(data).toEqual({ input_tokens: 12 })
    expect(response.headers.get('x-tollgate-token-count')).toBe('estimate')
  })

  test('errors in Anthropic’s shape: an invalid body, an upstream error', async () => {
    const { gateway, anthropic } = countingGateway()
    const invalid = await gateway.post('/v1/messages/count_tokens', { model: 'claude-sonnet-4-5', messages: [] })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } })
    gateway.anthropicUpstream.reply({ status: 404, json: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-nope' } } })
    const error = await anthropic.messages.countTokens({ model: 'anthropic/claude-nope', messages }).catch((caught) => caught)
    expect(error).toBeInstanceOf(Anthropic.NotFoundError)
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } })
  })
})

describe('official @google/genai SDK: countTokens', () => {
  const gateway = createTestGateway()
  gateway.app.listen({ hostname: '127.0.0.1', port: 0 })
  afterAll(() => gateway.app.stop())
  const genai = new GoogleGenAI({ apiKey: MASTER_KEY, httpOptions: { baseUrl: `http://127.0.0.1:${gateway.app.server!.port}` } })

  test('same dialect: the request reaches Gemini’s :countTokens as sent', async () => {
    gateway.geminiUpstream.reply({ json: geminiCount })
    const response = await genai.models.countTokens({ model: 'gemini-2.5-flash', contents: 'The quick brown fox jumps over the lazy dog.' })
    expect(response.totalTokens).toBe(10)
    const sent = gateway.geminiUpstream.lastRequest!
    expect(sent.url).toBe('https://gemini.googleapis.test/v1beta/models/gemini-2.5-flash:countTokens')
    expect(sent.body).toEqual({ generateContentRequest: { model: 'models/gemini-2.5-flash', contents: [{ role: 'user', parts: [{ text: 'The quick brown fox jumps over the lazy dog.' }] }] } })
  })

  test('cross-provider: a Gemini client counts for Claude through Anthropic’s count_tokens', async () => {
    gateway.anthropicUpstream.reply({ json: anthropicCount })
    const response = await genai.models.countTokens({ model: 'anthropic/claude-haiku-4-5', contents: 'Hello' })
    expect(response.totalTokens).toBe(2095)
    expect(gateway.anthropicUpstream.lastRequest!.body).toEqual({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }] })
  })

  test('generateContentRequest bodies (REST), and an estimate for the mock', async () => {
    const response = await fetch(`http://127.0.0.1:${gateway.app.server!.port}/v1beta/models/mock%2Fecho:countTokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': MASTER_KEY },
      body: JSON.stringify({ generateContentRequest: { model: 'models/mock/echo', contents: [{ role: 'user', parts: [{ text: 'Hello, Claude' }] }] } }),
    })
    expect(response.headers.get('x-tollgate-token-count')).toBe('estimate')
    expect(await response.json()).toEqual({ totalTokens: 12 })
  })
})
