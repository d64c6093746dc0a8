import Anthropic from '@anthropic-ai/sdk'
import { createGateway } from '@tollgate/core'
import { describe, expect, test } from 'bun:test'
import OpenAI from 'openai'
import { discoverProviders } from '../core/src/runtime/load-config'

/** Zero config: no provider keys at all, the gateway still serves the mock provider offline. */
async function offlineGateway() {
  const providers = await discoverProviders({})
  const app = createGateway({ providers, env: {}, masterKey: 'sk-tg-offline', dataDir: '/tmp/tollgate-test-data', logger: { info() {}, warn() {}, error() {} } })
  const fetch = ((input: string | URL | Request, init?: RequestInit) => app.handle(input instanceof Request ? input : new Request(input, init))) as typeof globalThis.fetch
  return { app, providers, fetch }
}

describe('offline demo through the mock provider', () => {
  test('zero-config discovery enables only the mock provider without keys', async () => {
    const { providers } = await offlineGateway()
    expect(providers.map((provider) => provider.spec.id)).toEqual(['mock'])
  })

  test('OpenAI SDK streams mock/echo', async () => {
    const { fetch } = await offlineGateway()
    const client = new OpenAI({ apiKey: 'sk-tg-offline', baseURL: 'http://localhost/v1', fetch })
    const stream = await client.chat.completions.create({ model: 'mock/echo', stream: true, messages: [{ role: 'user', content: 'hello offline world' }] })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
    expect(text).toBe('hello offline world')
  })

  test('Anthropic SDK gets a tool call from mock/tools, then a text answer to its result', async () => {
    const { fetch } = await offlineGateway()
    const client = new Anthropic({ apiKey: 'sk-tg-offline', baseURL: 'http://localhost', fetch })
    const tools: Anthropic.Tool[] = [{ name: 'lookup', input_schema: { type: 'object', properties: {} } }]
    const first = await client.messages.create({ model: 'mock/tools', max_tokens: 100, tools, messages: [{ role: 'user', content: 'look it up' }] })
    expect(first.stop_reason).toBe('tool_use')
    const use = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use')!
    expect(use.name).toBe('lookup')
    const second = await client.messages.stream({
      model: 'mock/tools',
      max_tokens: 100,
      tools,
      messages: [
        { role: 'user', content: 'look it up' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: '42' }] },
      ],
    }).finalMessage()
    expect(second.content[0]).toMatchObject({ type: 'text', text: 'Tool results: 42' })
  })

  test('errors on demand keep their status', async () => {
    const { fetch } = await offlineGateway()
    const response = await fetch('http://localhost/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-tg-offline' },
      body: JSON.stringify({ model: 'mock/echo', messages: [{ role: 'user', content: '[[error:429]]' }] }),
    })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('1')
  })
})
