import { describe, expect, test } from 'bun:test'
import { definePlugin, parseSse, type Usage } from '@tollgate/core'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, createTestGateway, readFixture, readJsonFixture } from './helpers/create-test-gateway'
import { anthropicStreamText } from './helpers/fixture-text'

/** OpenAI's API reference examples (no recordings of legacy completions exist; see fixtures/doc-examples/README.md). */
const documented = await readJsonFixture('doc-examples/openai-completions.response.json')
const documentedStream = await readFixture('doc-examples/openai-completions-stream.sse')

function clientGateway() {
  const usages: Usage[] = []
  const gateway = createTestGateway({ plugins: [definePlugin({ name: 'meter', hooks: { onUsage: (_context, usage) => void usages.push(usage) } })] })
  const openai = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
  return { gateway, openai, usages }
}

describe('official openai SDK: legacy completions', () => {
  test('JSON to an OpenAI completion model: a real /completions call, the answer as OpenAI gave it, metered once', async () => {
    const { gateway, openai, usages } = clientGateway()
    gateway.openaiUpstream.reply({ json: documented })
    const completion = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7, temperature: 0, suffix: '.', best_of: 1 })
    expect(completion).toMatchObject({ id: documented.id, object: 'text_completion', created: documented.created, model: 'gpt-3.5-turbo-instruct', choices: documented.choices })
    expect(completion.usage).toMatchObject(documented.usage)
    const sent = gateway.openaiUpstream.lastRequest!
    expect(sent.url).toBe('https://api.openai.test/v1/completions')
    expect(sent.body).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7, temperature: 0, stream: false, suffix: '.', best_of: 1 })
    await gateway.waitForFinishes(1)
    expect(usages.map((usage) => [usage.input.total, usage.output.total])).toEqual([[5, 7]])
  })

  test('stream: text_completion chunks, the usage chunk only when asked, [DONE] at the end', async () => {
    const { gateway, openai, usages } = clientGateway()
    gateway.openaiUpstream.reply({ sse: documentedStream })
    const chunks = []
    for await (const chunk of await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7, stream: true })) chunks.push(chunk)
    expect(chunks.map((chunk) => chunk.choices[0]?.text ?? '').join('')).toBe('\n\nThis is indeed a test')
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('length')
    expect(chunks.every((chunk) => chunk.object === 'text_completion' && chunk.choices.length === 1)).toBe(true)
    // The gateway asked for usage upstream to meter it, and dropped the usage chunk the client did not ask for.
    expect(gateway.openaiUpstream.lastRequest!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
    await gateway.waitForFinishes(1)
    expect(usages.map((usage) => usage.input.total + usage.output.total)).toEqual([12])

    gateway.openaiUpstream.reply({ sse: documentedStream })
    const response = await gateway.post('/v1/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', stream: true, stream_options: { include_usage: true } })
    const data = parseSse(await response.text()).map((event) => event.data)
    expect(data.at(-1)).toBe('[DONE]')
    expect(JSON.parse(data.at(-2)!)).toMatchObject({ object: 'text_completion', choices: [], usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } })
  })

  test('any provider: a completion from Anthropic (max_tokens 16 by default), echo renders the prompt first', async () => {
    const { gateway, openai } = clientGateway()
    const recorded = await readJsonFixture('anthropic/thinking.response.json')
    gateway.anthropicUpstream.reply({ json: recorded })
    const completion = await openai.completions.create({ model: 'claude-haiku-4-5', prompt: 'Once upon a time', echo: true })
    const text = recorded.content.filter((block: { type: string }) => block.type === 'text').map((block: { text: string }) => block.text).join('')
    expect(completion.choices[0].text).toBe(`Once upon a time${text}`)
    expect(gateway.anthropicUpstream.lastRequest!.body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 16, messages: [{ role: 'user', content: [{ type: 'text', text: 'Once upon a time' }] }] })
  })

  test('any provider, stream: Anthropic’s recorded stream as text_completion chunks', async () => {
    const { gateway, openai } = clientGateway()
    const sse = await readFixture('anthropic/stream-text.sse')
    gateway.anthropicUpstream.reply({ sse })
    let text = ''
    for await (const chunk of await openai.completions.create({ model: 'anthropic/claude-sonnet-4-5', prompt: 'Hi', max_tokens: 100, stream: true })) text += chunk.choices[0]?.text ?? ''
    expect(text).toBe(anthropicStreamText(sse))
  })

  test('an OpenAI chat model is asked through Chat Completions; completion-only fields are reported', async () => {
    const { gateway } = clientGateway()
    gateway.openaiUpstream.reply({ json: await readJsonFixture('openai-chat/response-text.response.json') })
    const response = await gateway.post('/v1/completions', { model: 'gpt-4o', prompt: 'Say hi', max_tokens: 5, suffix: '!' })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-tollgate-warnings')).toBe("suffix: not supported by the chat model 'gpt-4o'; ignored")
    expect((await response.json()).object).toBe('text_completion')
    expect(gateway.openaiUpstream.lastRequest!.url).toBe('https://api.openai.test/v1/chat/completions')
    expect(gateway.openaiUpstream.lastRequest!.body).toEqual({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hi' }], max_completion_tokens: 5, stream: false })
  })

  test('the mock, offline, JSON and stream with echo', async () => {
    const { openai } = clientGateway()
    const completion = await openai.completions.create({ model: 'mock/echo', prompt: 'ping', echo: true, max_tokens: 50 })
    expect(completion.choices[0].text).toBe('pingping')
    let text = ''
    for await (const chunk of await openai.completions.create({ model: 'mock/echo', prompt: 'pong', echo: true, stream: true })) text += chunk.choices[0]?.text ?? ''
    expect(text).toBe('pongpong')
  })

  test('errors in the OpenAI shape: several prompts, logprobs, unknown model, an upstream 429; a stream error has no [DONE]', async () => {
    const { gateway, openai } = clientGateway()
    for (const [body, param] of [
      [{ model: 'mock/echo', prompt: ['a', 'b'] }, 'prompt'],
      [{ model: 'mock/echo', prompt: 'a', logprobs: 1 }, 'logprobs'],
      [{ model: 'no-such-model', prompt: 'a' }, 'model'],
      [{ model: 'mock/echo' }, 'prompt'],
    ] as const) {
      const response = await gateway.post('/v1/completions', body)
      expect({ param, status: response.status, error: (await response.json()).error.param }).toEqual({ param, status: param === 'model' ? 404 : 400, error: param })
    }
    gateway.openaiUpstream.reply({ status: 429, headers: { 'retry-after': '2' }, json: { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } } })
    const limited = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'x' }).catch((caught) => caught)
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError)
    const stream = await gateway.post('/v1/completions', { model: 'mock/echo', prompt: 'x [[stream-error]]', stream: true })
    const data = parseSse(await stream.text()).map((event) => event.data)
    expect(JSON.parse(data.at(-1)!).error).toMatchObject({ type: 'upstream_error', message: 'Mock stream error on demand' })
    expect(data).not.toContain('[DONE]')
  })
})
