import { afterAll, describe, expect, test } from 'bun:test'
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { createBillingGateway } from './helpers/create-billing-gateway'
import { BASE_URL, readFixture } from './helpers/create-test-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const [sqlite] = await testDatabases()
afterAll(dropTestDatabases)

const billingFixture = async (name: string) => JSON.parse(await Bun.file(new URL(`../plugins/billing/fixtures/${name}`, import.meta.url)).text())

/**
 * The cost of each request reaches the client: as `usage.cost` (USD) in the final usage of the
 * body (JSON responses and streams, same-format fast path and translated), and as the
 * `x-tollgate-cost` header of JSON responses. What is shown is exactly what the account is charged.
 * Expected figures at list prices (hand-computed in plugins/billing/src/price-usage.test.ts):
 * OpenAI cached-tokens fixture as gpt-4o $0.005075; Anthropic cache read+write fixture as Sonnet 4.5
 * $0.002405; OpenAI stream-text (14 in, 30 out) as gpt-4o $0.000335; Anthropic stream-text (10 in,
 * 4 out) as Haiku 4.5 $0.00003.
 */
describe('the cost in responses', async () => {
  const gateway = await createBillingGateway(sqlite, { billing: { prices: undefined } })
  afterAll(() => gateway.stop())
  const { account, key } = await gateway.fundedKey(5)
  const openai = new OpenAI({ apiKey: key.key, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
  const anthropic = new Anthropic({ apiKey: key.key, baseURL: BASE_URL, fetch: gateway.fetch, maxRetries: 0 })
  let charged = 0
  const expectCharged = async (requestId: string, cost: number) => {
    charged += Math.round(cost * 1e6)
    expect(await gateway.usageRecord(requestId)).toMatchObject({ costMicros: Math.round(cost * 1e6), chargedMicros: Math.round(cost * 1e6) })
    expect((await gateway.ledgerCheck(account.id)).balanceMicros).toBe(5_000_000 - charged)
  }

  test('OpenAI SDK → OpenAI, JSON (fast path): usage.cost in the upstream body, and the header', async () => {
    const recorded = await billingFixture('openai-chat-cached-tokens.response.json')
    gateway.openaiUpstream.reply({ json: recorded })
    const { data, response } = await openai.chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    expect(response.headers.get('x-tollgate-cost')).toBe('0.005075')
    expect(data.usage).toEqual({ ...recorded.usage, cost: 0.005075 } as never)
    expect(data.system_fingerprint).toBe(recorded.system_fingerprint)
    await expectCharged(response.headers.get('x-request-id')!, 0.005075)
  })

  test('OpenAI SDK → OpenAI, stream with include_usage (fast path): the usage chunk carries the cost', async () => {
    gateway.openaiUpstream.reply({ sse: await readFixture('openai-chat/stream-text.sse') })
    const { data: stream, response } = await openai.chat.completions.create({ model: 'gpt-4o', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    const usages = []
    for await (const chunk of stream) if (chunk.usage) usages.push(chunk.usage)
    expect(usages).toEqual([{ prompt_tokens: 14, completion_tokens: 30, total_tokens: 44, completion_tokens_details: { reasoning_tokens: 0 }, cost: 0.000335 } as never])
    expect(response.headers.get('x-tollgate-cost')).toBeNull()
    await gateway.waitForFinishes(2)
    await expectCharged(response.headers.get('x-request-id')!, 0.000335)
  })

  test('Anthropic SDK → Anthropic, JSON (fast path): usage.cost in the upstream body, and the header', async () => {
    const recorded = await billingFixture('anthropic-cache-read-and-write.response.json')
    gateway.anthropicUpstream.reply({ json: recorded })
    const { data, response } = await anthropic.messages.create({ model: 'anthropic/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    expect(response.headers.get('x-tollgate-cost')).toBe('0.002405')
    expect(data.usage).toEqual({ ...recorded.usage, cost: 0.002405 })
    await expectCharged(response.headers.get('x-request-id')!, 0.002405)
  })

  test('Anthropic SDK → Anthropic, stream (fast path): message_delta usage carries the cost', async () => {
    gateway.anthropicUpstream.reply({ sse: await readFixture('anthropic/stream-text.sse') })
    const { data: stream, response } = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    const deltas = []
    for await (const event of stream) if (event.type === 'message_delta') deltas.push(event.usage)
    expect(deltas).toEqual([{ input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 4, cost: 0.00003 } as never])
    await gateway.waitForFinishes(4)
    await expectCharged(response.headers.get('x-request-id')!, 0.00003)
  })

  test('OpenAI SDK → Anthropic (translated), JSON and stream', async () => {
    gateway.anthropicUpstream.reply({ json: await billingFixture('anthropic-cache-read-and-write.response.json') }, { sse: await readFixture('anthropic/stream-text.sse') })
    const { data, response } = await openai.chat.completions.create({ model: 'anthropic/claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    expect(response.headers.get('x-tollgate-cost')).toBe('0.002405')
    expect(data.usage).toMatchObject({ prompt_tokens: 1532, completion_tokens: 33, cost: 0.002405 })
    await expectCharged(response.headers.get('x-request-id')!, 0.002405)
    const { data: stream, response: streamed } = await openai.chat.completions.create({ model: 'claude-haiku-4-5', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    const usages = []
    for await (const chunk of stream) if (chunk.usage) usages.push(chunk.usage)
    expect(usages).toEqual([expect.objectContaining({ prompt_tokens: 10, completion_tokens: 4, cost: 0.00003 })])
    await gateway.waitForFinishes(6)
    await expectCharged(streamed.headers.get('x-request-id')!, 0.00003)
  })

  test('Anthropic SDK → OpenAI (translated), JSON and stream', async () => {
    gateway.openaiUpstream.reply({ json: await billingFixture('openai-chat-cached-tokens.response.json') }, { sse: await readFixture('openai-chat/stream-text.sse') })
    const { data, response } = await anthropic.messages.create({ model: 'openai/gpt-4o', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    expect(response.headers.get('x-tollgate-cost')).toBe('0.005075')
    expect(data.usage).toMatchObject({ input_tokens: 8, cache_read_input_tokens: 4012, output_tokens: 4, cost: 0.005075 })
    await expectCharged(response.headers.get('x-request-id')!, 0.005075)
    const { data: stream, response: streamed } = await anthropic.messages.create({ model: 'gpt-4o', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'hi' }] }).withResponse()
    const deltas = []
    for await (const event of stream) if (event.type === 'message_delta') deltas.push(event.usage)
    expect(deltas).toEqual([expect.objectContaining({ input_tokens: 14, output_tokens: 30, cost: 0.000335 })])
    await gateway.waitForFinishes(8)
    await expectCharged(streamed.headers.get('x-request-id')!, 0.000335)
  })

  test('Responses and Gemini surfaces carry the cost in their usage objects too', async () => {
    const prices = { 'mock/*': { input: 1, output: 2 } }
    const priced = await createBillingGateway(sqlite, { billing: { prices } })
    const responses = await priced.call(MASTER, 'POST', '/v1/responses', { model: 'mock/echo', input: 'hello there' })
    expect(responses.body.usage.cost).toBe((responses.body.usage.input_tokens * 1 + responses.body.usage.output_tokens * 2) / 1e6)
    expect(responses.headers.get('x-tollgate-cost')).toBe(String(responses.body.usage.cost))
    const gemini = await priced.call(MASTER, 'POST', '/v1beta/models/mock%2Fecho:generateContent', { contents: [{ role: 'user', parts: [{ text: 'hello there' }] }] })
    const metadata = gemini.body.usageMetadata
    expect(metadata.cost).toBe((metadata.promptTokenCount * 1 + metadata.candidatesTokenCount * 2) / 1e6)
    const embeddings = await priced.call(MASTER, 'POST', '/v1/embeddings', { model: 'mock/embed', input: 'hello there', encoding_format: 'float' })
    expect(embeddings.headers.get('x-tollgate-cost')).toBe(String((embeddings.body.usage.prompt_tokens * 1) / 1e6))
    await priced.stop()
  })
})

const MASTER = 'sk-tg-test-master-key'
