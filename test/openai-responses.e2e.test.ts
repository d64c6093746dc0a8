import { describe, expect, test } from 'bun:test'
import { definePlugin, parseSse, type FinishInfo, type GatewayPlugin } from '@tollgate/core'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, OPENAI_SECRET, createTestGateway, readFixture } from './helpers/create-test-gateway'

const responsesFixture = (name: string) => Bun.file(new URL(`../plugins/provider-openai/fixtures/responses/${name}`, import.meta.url)).text()
const responsesJsonFixture = async (name: string) => JSON.parse(await responsesFixture(name))

/**
 * `POST /v1/responses` through the gateway (authenticate → route → fast path or canonical →
 * upstream → meter), with fake OpenAI and Anthropic upstreams replaying recordings.
 */
function responsesGateway(plugins: GatewayPlugin[] = []) {
  const gateway = createTestGateway({ plugins })
  const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
  const post = (body: unknown) => gateway.post('/v1/responses', body)
  const finishes: FinishInfo[] = []
  const waitForFinishes = async (count: number) => {
    const recorded = await gateway.waitForFinishes(count)
    finishes.splice(0, finishes.length, ...recorded.map((finish) => finish.info))
    return finishes
  }
  return { client, post, openaiUpstream: gateway.openaiUpstream, anthropicUpstream: gateway.anthropicUpstream, finishes, waitForFinishes }
}

describe('Responses clients → OpenAI: the fast path', () => {
  test('JSON: the SDK gets the upstream answer; only the model id changed on the way up; usage metered', async () => {
    const gateway = responsesGateway()
    const recorded = await responsesJsonFixture('text.response.json')
    gateway.openaiUpstream.reply({ json: recorded })
    const response = await gateway.client.responses.create({
      model: 'openai/gpt-5.5',
      input: [{ role: 'user', content: 'Reply with exactly: pong' }],
      reasoning: { effort: 'low' },
      store: false,
      include: ['reasoning.encrypted_content'],
    })
    expect(response.output_text).toBe('pong')
    const sent = gateway.openaiUpstream.lastRequest!
    expect(sent.url).toBe('https://api.openai.test/v1/responses')
    expect(sent.body).toEqual({ ...(await responsesJsonFixture('text.request.json')), stream: undefined, model: 'gpt-5.5' })
    expect(sent.headers.authorization).toBe(`Bearer ${OPENAI_SECRET}`)
    const [finish] = await gateway.waitForFinishes(1)
    expect([finish.outcome, finish.usage?.input.total, finish.usage?.output.total]).toEqual(['ok', 11, 5])
  })

  test('stream: every upstream event reaches the SDK verbatim (encrypted reasoning included); usage from response.completed', async () => {
    const gateway = responsesGateway()
    const sse = await responsesFixture('stream-reasoning-encrypted-content.step1.sse')
    gateway.openaiUpstream.reply({ sse })
    const stream = await gateway.client.responses.create({ model: 'gpt-5', input: 'Compute', stream: true, store: false, include: ['reasoning.encrypted_content'] })
    const received: unknown[] = []
    for await (const event of stream) received.push(event)
    expect(received).toEqual(parseSse(sse).map((event) => JSON.parse(event.data)))
    const [finish] = await gateway.waitForFinishes(1)
    expect([finish.outcome, finish.usage?.input.total, finish.usage?.output.total]).toEqual(['ok', 134, 28])
  })

  test('an upstream failure mid-stream: the client sees `error` and response.failed; the request ends in error', async () => {
    const gateway = responsesGateway()
    gateway.openaiUpstream.reply({ sse: await responsesFixture('stream-error-insufficient-quota.sse') })
    const response = await gateway.post({ model: 'gpt-5', input: 'hi', stream: true })
    expect(parseSse(await response.text()).map((event) => event.event)).toEqual(['response.created', 'response.in_progress', 'error', 'response.failed'])
    const [finish] = await gateway.waitForFinishes(1)
    expect([finish.outcome, finish.error?.status]).toEqual(['error', 429])
  })

  test('an upstream HTTP error is mapped into the OpenAI envelope', async () => {
    const gateway = responsesGateway()
    gateway.openaiUpstream.reply({ status: 400, json: await responsesJsonFixture('error-400-model-not-found.response.json') })
    const error = await gateway.client.responses.create({ model: 'openai/gpt-5.2-proo', input: 'hello' }).catch((caught) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect([error.status, error.error.param, error.error.code]).toEqual([400, 'model', 'model_not_found'])
  })
})

describe('Responses clients → OpenAI through the canonical form (a plugin needs it)', () => {
  const observer = definePlugin({ name: 'observer', hooks: { onStreamEvent() {} } })

  test('a Codex-like request reaches /v1/responses unchanged; the re-rendered stream satisfies the SDK', async () => {
    const gateway = responsesGateway([observer])
    gateway.openaiUpstream.reply({ sse: await responsesFixture('stream-reasoning-encrypted-content.step1.sse') })
    const body = {
      model: 'gpt-5',
      instructions: 'You are Codex.',
      input: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Compute it' }] },
        { type: 'custom_tool_call', call_id: 'call_0', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' },
        { type: 'custom_tool_call_output', call_id: 'call_0', output: 'Done' },
      ],
      tools: [
        { type: 'function', name: 'calculator', parameters: { type: 'object', properties: {} }, strict: false },
        { type: 'custom', name: 'apply_patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: /.+/' } },
        { type: 'web_search' },
      ],
      reasoning: { effort: 'high', summary: 'detailed' },
      store: false,
      include: ['reasoning.encrypted_content'],
      stream: true,
    }
    const stream = gateway.client.responses.stream(body as never)
    const final = await stream.finalResponse()
    expect(gateway.openaiUpstream.lastRequest!.body).toEqual(body)
    expect(final.output.map((item) => item.type)).toEqual(['reasoning', 'function_call'])
    expect(final.usage?.input_tokens).toBe(134)
  })
})

describe('Responses clients → Anthropic', () => {
  test('thinking streams as a reasoning summary; its signature comes back to Anthropic intact on the next turn', async () => {
    const gateway = responsesGateway()
    const sse = await readFixture('anthropic/stream-thinking.sse')
    const signature = sse.match(/"signature":"([^"]+)"/)![1]
    gateway.anthropicUpstream.reply({ sse }, { json: JSON.parse(await readFixture('anthropic/thinking.response.json')) })
    const first = await gateway.client.responses.stream({ model: 'claude-haiku-4-5', input: 'Pelican names', reasoning: { effort: 'low' } }).finalResponse()
    const reasoning = first.output.find((item) => item.type === 'reasoning')!
    expect(first.output_text.length).toBeGreaterThan(0)
    // Codex keeps only standard fields: the signature travels inside encrypted_content.
    const replayed = first.output.map((item) => (item.type === 'reasoning' ? { type: 'reasoning', id: item.id, summary: item.summary, encrypted_content: item.encrypted_content } : item))
    await gateway.client.responses.create({ model: 'claude-haiku-4-5', input: [{ role: 'user', content: 'Pelican names' }, ...replayed, { role: 'user', content: 'More?' }] as never, reasoning: { effort: 'low' } })
    const assistant = gateway.anthropicUpstream.lastRequest!.body.messages[1]
    expect(assistant.content[0]).toEqual({ type: 'thinking', thinking: (reasoning as { summary: Array<{ text: string }> }).summary[0].text, signature })
  })

  test('previous_response_id cannot be honoured by a stateless gateway: 400 naming it, in the OpenAI envelope', async () => {
    const gateway = responsesGateway()
    const error = await gateway.client.responses.create({ model: 'claude-haiku-4-5', input: 'And then?', previous_response_id: 'resp_123' }).catch((caught) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect([error.error.type, error.error.param]).toEqual(['invalid_request_error', 'previous_response_id'])
    expect(gateway.anthropicUpstream.requests).toHaveLength(0)
  })
})
