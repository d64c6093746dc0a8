import { parseSse, type CanonicalRequest, type StreamEvent } from '@tollgate/core'
import { runProviderContract } from '@tollgate/core/testing'
import { describe, expect, test } from 'bun:test'
import { createMockFetch } from './create-mock-fetch'
import { mockProvider } from './mock-provider'

const request = (text: string, extra: Partial<CanonicalRequest> = {}): CanonicalRequest => ({
  model: 'echo',
  messages: [{ role: 'user', content: [{ type: 'text', text }] }],
  stream: false,
  extra: {},
  ...extra,
})

async function call(body: CanonicalRequest, options = {}) {
  return createMockFetch(options)('mock://local/chat', { method: 'POST', body: JSON.stringify(body) })
}

async function streamEvents(body: CanonicalRequest, options = {}): Promise<StreamEvent[]> {
  const response = await call({ ...body, stream: true }, options)
  return parseSse(await response.text()).map((event) => JSON.parse(event.data))
}

describe('mock provider', () => {
  test('echo repeats the last user text with usage from its length', async () => {
    const body = await (await call(request('hello there'))).json()
    expect(body.content).toEqual([{ type: 'text', text: 'hello there' }])
    expect(body.finishReason).toBe('stop')
    expect(body.usage.output).toEqual({ total: 3, text: 3, reasoning: 0 })
  })

  test('streams deltas of chunkSize characters', async () => {
    const events = await streamEvents(request('abcdefghij'), { chunkSize: 4 })
    expect(events.filter((event) => event.type === 'text-delta').map((event) => (event.type === 'text-delta' ? event.delta : ''))).toEqual(['abcd', 'efgh', 'ij'])
    expect(events[0].type).toBe('response-start')
    expect(events[events.length - 1].type).toBe('finish')
  })

  test('tools model calls the first tool, then summarises results', async () => {
    const tools = [{ name: 'lookup', parameters: { type: 'object' } }]
    const first = await (await call({ ...request('find it'), model: 'tools', tools })).json()
    expect(first.finishReason).toBe('tool-calls')
    expect(first.content[0]).toMatchObject({ type: 'tool-call', name: 'lookup', arguments: '{}' })
    const second = await (
      await call({
        ...request('find it'),
        model: 'tools',
        tools,
        messages: [...request('find it').messages, { role: 'assistant', content: [first.content[0]] }, { role: 'tool', content: [{ type: 'tool-result', toolCallId: first.content[0].id, content: '42' }] }],
      })
    ).json()
    expect(second.content).toEqual([{ type: 'text', text: 'Tool results: 42' }])
  })

  test('directives: explicit tool calls, all tools in parallel, errors', async () => {
    const tools = [{ name: 'a', parameters: {} }, { name: 'b', parameters: {} }]
    const explicit = await (await call(request('[[tool:weather {"city":"Paris"}]]'))).json()
    expect(explicit.content[0]).toMatchObject({ name: 'weather', arguments: '{"city":"Paris"}' })
    const parallel = await (await call({ ...request('[[tools:all]]'), tools })).json()
    expect(parallel.content.map((part: { name: string }) => part.name)).toEqual(['a', 'b'])
    const failing = await call(request('[[error:503]]'))
    expect(failing.status).toBe(503)
  })

  test('stream error and cut on demand', async () => {
    const events = await streamEvents(request('[[stream-error]] hello world'))
    expect(events[events.length - 1]).toMatchObject({ type: 'error', error: { status: 503 } })
    const cut = await call({ ...request('[[cut]] a long enough text'), stream: true })
    await expect(cut.text()).rejects.toThrow('connection reset')
  })

  test('reasoning model thinks first, with a signature', async () => {
    const body = await (await call({ ...request('why'), model: 'reasoning' })).json()
    expect(body.content[0]).toMatchObject({ type: 'reasoning', provider: 'mock', signature: expect.stringMatching(/^mock-signature-/) })
    expect(body.usage.output.reasoning).toBeGreaterThan(0)
  })
})

const streamText = async (body: CanonicalRequest) => (await call({ ...body, stream: true })).text()
runProviderContract(mockProvider, {
  modelId: 'echo',
  streams: {
    echo: await streamText(request('Hello, wörld — ünïcode ✓')),
    reasoning: await streamText({ ...request('think'), model: 'reasoning' }),
    tools: await streamText({ ...request('[[tools:all]]'), tools: [{ name: 'a', parameters: {} }, { name: 'b', parameters: {} }] }),
  },
  responses: { echo: await (await call(request('hi'))).json() },
  errors: { 'error-429': { status: 429, body: { error: { message: 'Mock error 429 on demand' } } } },
})

test('a tool directive is answered once: after its result the mock replies in text', async () => {
  const first = await (await call(request('[[tool:weather {}]]'))).json()
  const second = await (
    await call({
      ...request('[[tool:weather {}]]'),
      messages: [...request('[[tool:weather {}]]').messages, { role: 'assistant', content: [first.content[0]] }, { role: 'tool', content: [{ type: 'tool-result', toolCallId: first.content[0].id, content: 'sunny' }] }],
    })
  ).json()
  expect(second.content).toEqual([{ type: 'text', text: 'Tool results: sunny' }])
})
