import { describe, expect, test } from 'bun:test'
import { parseSse } from '@tollgate/core'
import { createFakeUpstream } from '@tollgate/core/testing'
import { deepseek, groq, mistral, ollama, xai } from '@tollgate/provider-openai-compatible'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, createTestGateway } from './helpers/create-test-gateway'

const fixture = (path: string) => Bun.file(new URL(`../plugins/provider-openai-compatible/fixtures/${path}`, import.meta.url)).text()
const jsonFixture = async (path: string) => JSON.parse(await fixture(path))
const SECRETS = { groq: 'gsk_groq-upstream-secret-123', mistral: 'mistral-upstream-secret-123', deepseek: 'sk-deepseek-upstream-secret', xai: 'xai-upstream-secret-123456' }

/** A gateway whose only providers are OpenAI-compatible presets, all answering from one fake upstream. */
function compatibleGateway() {
  const upstream = createFakeUpstream()
  const gateway = createTestGateway({
    providers: [
      groq({ apiKey: SECRETS.groq, baseURL: 'https://api.groq.test/openai/v1', fetch: upstream.fetch }),
      mistral({ apiKey: SECRETS.mistral, baseURL: 'https://api.mistral.test/v1', fetch: upstream.fetch }),
      deepseek({ apiKey: SECRETS.deepseek, baseURL: 'https://api.deepseek.test', fetch: upstream.fetch }),
      xai({ apiKey: SECRETS.xai, baseURL: 'https://api.x.test/v1', fetch: upstream.fetch }),
      ollama({ baseURL: 'http://ollama.test:11434/v1', fetch: upstream.fetch }),
    ],
  })
  const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
  return { ...gateway, upstream, client }
}

describe('official openai SDK → OpenAI-compatible presets', () => {
  test('DeepSeek, JSON, fast path: the answer as DeepSeek sent it (reasoning_content); max_tokens renamed; unknown fields kept', async () => {
    const gateway = compatibleGateway()
    const recorded = await jsonFixture('recorded/deepseek-reasoning.response.json')
    gateway.upstream.reply({ json: recorded })
    const { data: completion, response } = await gateway.client.chat.completions
      .create({
        model: 'deepseek/deepseek-v4-flash',
        messages: [{ role: 'user', content: 'How many r are in strawberry?' }],
        max_completion_tokens: 1000,
        // @ts-expect-error DeepSeek's own switch, unknown to the SDK, must reach DeepSeek
        thinking: { type: 'enabled' },
      })
      .withResponse()
    expect(completion).toEqual(recorded)
    expect(response.headers.get('x-tollgate-provider')).toBe('deepseek')
    const sent = gateway.upstream.lastRequest!
    expect(sent.url).toBe('https://api.deepseek.test/chat/completions')
    expect(sent.headers.authorization).toBe(`Bearer ${SECRETS.deepseek}`)
    expect(sent.body).toEqual({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'How many r are in strawberry?' }], max_tokens: 1000, thinking: { type: 'enabled' } })
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.usage?.output).toEqual({ total: 131, text: 18, reasoning: 113 })
  })

  test('Mistral, stream: seed and max tokens renamed, no stream_options, developer as system, a dropped user reported', async () => {
    const gateway = compatibleGateway()
    gateway.upstream.reply({ sse: await fixture('recorded/mistral-text.sse') })
    const { data: stream, response } = await gateway.client.chat.completions
      .create({
        model: 'mistral-small-latest',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Say hello' }],
        max_completion_tokens: 20,
        seed: 7,
        user: 'user-42',
      })
      .withResponse()
    let text = ''
    const usages: unknown[] = []
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? ''
      if (chunk.usage) usages.push(chunk.usage)
    }
    expect(text).toBe('Hello, world! This is a test response.')
    expect(usages).toEqual([{ prompt_tokens: 13, completion_tokens: 8, total_tokens: 21, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } }])
    expect(response.headers.get('x-tollgate-warnings')).toBe("user: Mistral does not accept 'user'; it was not sent")
    const sent = gateway.upstream.lastRequest!
    expect(sent.url).toBe('https://api.mistral.test/v1/chat/completions')
    expect(sent.headers.authorization).toBe(`Bearer ${SECRETS.mistral}`)
    expect(sent.body).toEqual({
      model: 'mistral-small-latest',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello' }],
      max_tokens: 20,
      random_seed: 7,
      stream: true,
    })
    const [finish] = await gateway.waitForFinishes(1)
    expect([finish.info.outcome, finish.info.usage?.input.total, finish.info.usage?.output.total]).toEqual(['ok', 13, 8])
  })

  test('Mistral reasoning, JSON: content-part arrays reach the client as reasoning_content + content', async () => {
    const gateway = compatibleGateway()
    gateway.upstream.reply({ json: await jsonFixture('recorded/mistral-reasoning.response.json') })
    const completion = await gateway.client.chat.completions.create({ model: 'mistral/magistral-medium-2507', messages: [{ role: 'user', content: '2+2?' }] })
    const message = completion.choices[0].message as OpenAI.ChatCompletionMessage & { reasoning_content?: string }
    expect([message.content, message.reasoning_content]).toEqual(['2 + 2 = 4', 'The user is asking for 2+2. This is basic arithmetic. 2+2=4.'])
  })

  test('Mistral 422 extra_forbidden reaches the client as a 422 naming the field', async () => {
    const gateway = compatibleGateway()
    gateway.upstream.reply({ status: 422, json: await jsonFixture('recorded/mistral-error-422-extra-forbidden.json') })
    const error = await gateway.client.chat.completions.create({ model: 'mistral-large-latest', messages: [{ role: 'user', content: 'Hi' }] }).catch((caught) => caught)
    expect(error).toBeInstanceOf(OpenAI.UnprocessableEntityError)
    expect([error.status, error.param, error.message]).toEqual([422, 'max_completion_tokens', '422 max_completion_tokens: Extra inputs are not permitted'])
  })

  test('xAI, stream: usage re-counted (completion_tokens leave reasoning out at xAI) for the client and the meter', async () => {
    const gateway = compatibleGateway()
    gateway.upstream.reply({ sse: await fixture('recorded/xai-tool-call.sse') })
    const stream = await gateway.client.chat.completions.create({
      model: 'grok-3-mini',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Weather in San Francisco?' }],
      tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
    })
    let argumentsText = ''
    let usage: OpenAI.CompletionUsage | undefined
    for await (const chunk of stream) {
      argumentsText += chunk.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments ?? ''
      usage = chunk.usage ?? usage
    }
    expect(argumentsText).toBe('{"location":"San Francisco"}')
    expect([usage?.prompt_tokens, usage?.completion_tokens, usage?.total_tokens, usage?.completion_tokens_details?.reasoning_tokens]).toEqual([291, 222, 513, 196])
    expect(gateway.upstream.lastRequest!.body.stream_options).toEqual({ include_usage: true })
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.usage?.output).toEqual({ total: 222, text: 26, reasoning: 196 })
  })

  test('Ollama, local and keyless: no Authorization header; max_tokens; the developer role as system on the fast path', async () => {
    const gateway = compatibleGateway()
    gateway.upstream.reply({ sse: await fixture('recorded/mistral-text.sse') })
    const stream = await gateway.client.chat.completions.create({
      model: 'ollama/llama3.2',
      stream: true,
      max_completion_tokens: 32,
      messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Say hello' }],
    })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
    expect(text).toBe('Hello, world! This is a test response.')
    const sent = gateway.upstream.lastRequest!
    expect(sent.url).toBe('http://ollama.test:11434/v1/chat/completions')
    expect(sent.headers.authorization).toBeUndefined()
    expect(sent.body).toEqual({ model: 'llama3.2', stream: true, stream_options: { include_usage: true }, max_tokens: 32, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello' }] })
  })

  test("a Responses client is served through Chat Completions: compatible presets do not inherit OpenAI's /responses", async () => {
    const gateway = compatibleGateway()
    gateway.upstream.reply({ sse: await fixture('recorded/groq-tool-call.sse') })
    const response = await gateway.client.responses.create({
      model: 'groq/llama-3.3-70b-versatile',
      input: 'Weather?',
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object', properties: {} }, strict: false }],
      stream: true,
    })
    let completed: OpenAI.Responses.Response | undefined
    for await (const event of response) if (event.type === 'response.completed') completed = event.response
    expect(completed?.output.map((item) => (item.type === 'function_call' ? [item.name, item.arguments] : item.type))).toEqual([['weather', '{}']])
    expect(completed?.usage?.input_tokens).toBe(210)
    const sent = gateway.upstream.lastRequest!
    expect(sent.url).toBe('https://api.groq.test/openai/v1/chat/completions')
    expect(sent.headers.authorization).toBe(`Bearer ${SECRETS.groq}`)
  })
})

describe('Anthropic-dialect client → DeepSeek thinking-mode tool loop', () => {
  test('thinking and tool use stream back; the next turn returns the reasoning as reasoning_content', async () => {
    const gateway = compatibleGateway()
    gateway.upstream.reply({ sse: await fixture('recorded/deepseek-tool-call.sse') })
    const tools = [{ name: 'weather', input_schema: { type: 'object', properties: { location: { type: 'string' } } } }]
    const first = await gateway.post('/v1/messages', { model: 'deepseek/deepseek-v4-flash', max_tokens: 1024, stream: true, tools, messages: [{ role: 'user', content: 'Weather in San Francisco?' }] }, { 'anthropic-version': '2023-06-01' })
    const events = parseSse(await first.text()).map((event) => JSON.parse(event.data))
    const starts = events.filter((event) => event.type === 'content_block_start').map((event) => event.content_block.type)
    expect(starts).toEqual(['thinking', 'tool_use'])
    const thinking = events.filter((event) => event.delta?.type === 'thinking_delta').map((event) => event.delta.thinking).join('')
    const toolUse = events.find((event) => event.content_block?.type === 'tool_use').content_block
    const input = events.filter((event) => event.delta?.type === 'input_json_delta').map((event) => event.delta.partial_json).join('')
    expect(thinking).toBe('The user asks about the weather in San Francisco. I should use the weather tool.')
    expect(sent(gateway).body.stream_options).toEqual({ include_usage: true })

    gateway.upstream.reply({ sse: await fixture('recorded/mistral-text.sse') })
    await gateway.post('/v1/messages', {
      model: 'deepseek/deepseek-v4-flash',
      max_tokens: 1024,
      tools,
      messages: [
        { role: 'user', content: 'Weather in San Francisco?' },
        { role: 'assistant', content: [{ type: 'thinking', thinking, signature: '' }, { type: 'tool_use', id: toolUse.id, name: 'weather', input: JSON.parse(input) }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'Sunny, 18°C' }] },
      ],
      stream: true,
    }, { 'anthropic-version': '2023-06-01' })
    const assistant = sent(gateway).body.messages[1]
    expect(assistant).toEqual({
      role: 'assistant',
      reasoning_content: thinking,
      tool_calls: [{ id: toolUse.id, type: 'function', function: { name: 'weather', arguments: '{"location":"San Francisco"}' } }],
    })
  })
})

const sent = (gateway: ReturnType<typeof compatibleGateway>) => gateway.upstream.lastRequest!
