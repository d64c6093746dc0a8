import { describe, expect, test } from 'bun:test'
import { parseSse } from '@tollgate/core'
import { createFakeUpstream } from '@tollgate/core/testing'
import { azureOpenAI } from '@tollgate/provider-openai-compatible'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, createTestGateway } from './helpers/create-test-gateway'

const fixture = (path: string) => Bun.file(new URL(`../plugins/provider-openai-compatible/fixtures/${path}`, import.meta.url)).text()
const jsonFixture = async (path: string) => JSON.parse(await fixture(path))
const AZURE_SECRET = 'azure-upstream-secret-0123456789'

/** A gateway with Azure OpenAI (deployment URLs, or the v1 API) on a fake upstream. */
function azureGateway(options: { v1?: boolean } = {}) {
  const upstream = createFakeUpstream()
  const azure = azureOpenAI({
    baseURL: options.v1 ? 'https://contoso.openai.azure.test/openai/v1' : 'https://contoso.openai.azure.test/openai',
    apiKey: AZURE_SECRET,
    deployments: { 'gpt-4o': 'prod-gpt4o', 'gpt-5-nano': 'nano-router' },
    fetch: upstream.fetch,
    env: {},
  })
  const gateway = createTestGateway({ providers: [azure] })
  const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
  return { ...gateway, upstream, client }
}

describe('Azure OpenAI through Tollgate', () => {
  test('JSON, fast path: the deployment URL with api-version, the api-key header and no Authorization', async () => {
    const gateway = azureGateway()
    const recorded = await jsonFixture('openai-chat/response-text.response.json')
    gateway.upstream.reply({ json: recorded })
    const completion = await gateway.client.chat.completions.create({ model: 'azure/gpt-4o', messages: [{ role: 'user', content: "What's the weather like in SF?" }] })
    expect(completion).toEqual(recorded)
    const sent = gateway.upstream.lastRequest!
    expect(sent.url).toBe('https://contoso.openai.azure.test/openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21')
    expect(sent.headers['api-key']).toBe(AZURE_SECRET)
    expect(sent.headers.authorization).toBeUndefined()
    expect(sent.body.model).toBe('prod-gpt4o')
  })

  test('content filter: the SDK gets a 400 content_filter that says what was blocked', async () => {
    const gateway = azureGateway()
    gateway.upstream.reply({ status: 400, json: await jsonFixture('openai-chat/azure-error-400-content-filter.json') })
    const error = await gateway.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'blocked' }] }).catch((caught) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect([error.status, error.code, error.param, error.type]).toEqual([400, 'content_filter', 'prompt', 'invalid_request_error'])
    expect(error.message).toBe("400 Azure OpenAI's content filter blocked the prompt (sexual: high). Change the prompt and retry.")
    const [finish] = await gateway.waitForFinishes(1)
    expect([finish.info.outcome, finish.info.error?.code]).toEqual(['error', 'content_filter'])
  })

  test('stream, fast path: the prompt_filter_results chunk (empty choices) does not disturb the SDK; usage metered', async () => {
    const gateway = azureGateway()
    gateway.upstream.reply({ sse: await fixture('openai-chat/azure-stream-content-filter-results.sse') })
    const stream = await gateway.client.chat.completions.create({ model: 'gpt-5-nano', stream: true, messages: [{ role: 'user', content: 'Capital of Denmark?' }] })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
    expect(text).toBe('Capital of Denmark.')
    expect(gateway.upstream.lastRequest!.url).toBe('https://contoso.openai.azure.test/openai/deployments/nano-router/chat/completions?api-version=2024-10-21')
    expect(gateway.upstream.lastRequest!.body.stream_options).toEqual({ include_usage: true })
    const [finish] = await gateway.waitForFinishes(1)
    expect([finish.info.usage?.input.total, finish.info.usage?.output.total, finish.info.usage?.output.reasoning]).toEqual([15, 78, 64])
  })

  test('stream, cross dialect (Anthropic client): the same Azure stream becomes Anthropic events', async () => {
    const gateway = azureGateway()
    gateway.upstream.reply({ sse: await fixture('openai-chat/azure-stream-content-filter-results.sse') })
    const response = await gateway.post('/v1/messages', { model: 'azure/gpt-5-nano', max_tokens: 256, stream: true, messages: [{ role: 'user', content: 'Capital of Denmark?' }] }, { 'anthropic-version': '2023-06-01' })
    const events = parseSse(await response.text())
    const text = events.map((event) => JSON.parse(event.data)).filter((data) => data.delta?.type === 'text_delta').map((data) => data.delta.text).join('')
    expect(text).toBe('Capital of Denmark.')
    expect(events.at(-1)?.event).toBe('message_stop')
    expect(gateway.upstream.lastRequest!.body.max_completion_tokens).toBe(256)
  })

  test('the v1 API: one chat path for every deployment, no api-version, the deployment as model', async () => {
    const gateway = azureGateway({ v1: true })
    gateway.upstream.reply({ json: await jsonFixture('openai-chat/response-text.response.json') })
    await gateway.client.chat.completions.create({ model: 'azure/gpt-4o', messages: [{ role: 'user', content: 'Hi' }] })
    const sent = gateway.upstream.lastRequest!
    expect([sent.url, sent.body.model, sent.headers['api-key']]).toEqual(['https://contoso.openai.azure.test/openai/v1/chat/completions', 'prod-gpt4o', AZURE_SECRET])
  })

  test('the v1 API serves Responses clients at /openai/v1/responses (fast path, deployment as model)', async () => {
    const gateway = azureGateway({ v1: true })
    gateway.upstream.reply({ json: await jsonFixture('openai-responses/text.response.json') })
    const response = await gateway.client.responses.create({ model: 'azure/gpt-4o', input: 'Reply with exactly: pong', store: false })
    expect(response.output_text).toBe('pong')
    const sent = gateway.upstream.lastRequest!
    expect([sent.url, sent.body.model, sent.body.input]).toEqual(['https://contoso.openai.azure.test/openai/v1/responses', 'prod-gpt4o', 'Reply with exactly: pong'])
  })
})
