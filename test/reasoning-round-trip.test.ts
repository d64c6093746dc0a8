import { describe, expect, test } from 'bun:test'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, createTestGateway, readFixture, readJsonFixture } from './helpers/create-test-gateway'

/**
 * Anthropic thinking (with its signature) reaches an OpenAI-dialect client as `reasoning_details`
 * and comes back intact on the next turn, so Anthropic can verify it.
 */
describe('reasoning round trip: Anthropic → OpenAI client → Anthropic', () => {
  test('non-stream: signature and thinking text come back byte-identical', async () => {
    const gateway = createTestGateway()
    const recorded = await readJsonFixture('anthropic/thinking.response.json')
    const thinking = recorded.content.find((block: any) => block.type === 'thinking')
    gateway.anthropicUpstream.reply({ json: recorded }, { json: recorded })
    const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
    const first = await client.chat.completions.create({ model: 'claude-sonnet-4-5', reasoning_effort: 'low', messages: [{ role: 'user', content: 'How do I cross the street?' }] })
    const assistant = first.choices[0].message as OpenAI.ChatCompletionMessage & { reasoning_details?: any[]; reasoning_content?: string }
    expect(assistant.reasoning_content).toBe(thinking.thinking)
    expect(assistant.reasoning_details?.[0]).toMatchObject({ type: 'reasoning.text', text: thinking.thinking, signature: thinking.signature, format: 'anthropic-claude-v1' })

    await client.chat.completions.create({
      model: 'claude-sonnet-4-5',
      reasoning_effort: 'low',
      messages: [{ role: 'user', content: 'How do I cross the street?' }, assistant as OpenAI.ChatCompletionMessageParam, { role: 'user', content: 'And a road?' }],
    })
    const replayed = gateway.anthropicUpstream.lastRequest!.body.messages[1]
    expect(replayed.role).toBe('assistant')
    expect(replayed.content[0]).toEqual({ type: 'thinking', thinking: thinking.thinking, signature: thinking.signature })
    expect(gateway.anthropicUpstream.lastRequest!.body.thinking).toMatchObject({ type: 'enabled' })
  })

  test('stream: reasoning_details deltas carry the signature, which comes back intact', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('anthropic/stream-thinking.sse')
    const signature = sse.match(/"signature":"([^"]+)"/)![1]
    gateway.anthropicUpstream.reply({ sse }, { json: await readJsonFixture('anthropic/thinking.response.json') })
    const response = await gateway.post('/v1/chat/completions', { model: 'claude-haiku-4-5', stream: true, messages: [{ role: 'user', content: 'Pelican names' }] })
    let reasoning = ''
    let streamedSignature = ''
    for (const line of (await response.text()).split('\n')) {
      if (!line.startsWith('data: {')) continue
      const delta = JSON.parse(line.slice(6)).choices?.[0]?.delta ?? {}
      reasoning += delta.reasoning_content ?? ''
      for (const detail of delta.reasoning_details ?? []) streamedSignature += detail.signature ?? ''
    }
    expect(streamedSignature).toBe(signature)
    await gateway.post('/v1/chat/completions', {
      model: 'claude-haiku-4-5',
      messages: [
        { role: 'user', content: 'Pelican names' },
        { role: 'assistant', content: 'Pouch', reasoning_details: [{ type: 'reasoning.text', text: reasoning, signature, format: 'anthropic-claude-v1' }] },
        { role: 'user', content: 'More?' },
      ],
    })
    expect(gateway.anthropicUpstream.lastRequest!.body.messages[1].content[0]).toEqual({ type: 'thinking', thinking: reasoning, signature })
  })
})
