import { describe, expect, test } from 'bun:test'
import { convertSseText, runProviderContract } from '@tollgate/core/testing'
import { readFixture, readFixtures, readJsonFixture, readJsonFixtures } from '../../test-support/read-fixture'
import { deepseek } from './deepseek'
import { groq } from './groq'
import { mistral } from './mistral'
import { xai } from './xai'

// Each preset runs the shared contract on recordings of its own service (fixtures/README.md).
runProviderContract(mistral, {
  modelId: 'mistral-small-latest',
  streams: await readFixtures(['recorded/mistral-text.sse', 'recorded/mistral-tool-call.sse', 'recorded/mistral-reasoning.sse']),
  responses: await readJsonFixtures(['recorded/mistral-reasoning.response.json']),
  errors: {
    'recorded/mistral-error-422-extra-forbidden.json': { status: 422, body: await readJsonFixture('recorded/mistral-error-422-extra-forbidden.json') },
    'recorded/mistral-error-422-message-fields.json': { status: 422, body: await readJsonFixture('recorded/mistral-error-422-message-fields.json') },
  },
})
runProviderContract(deepseek, {
  modelId: 'deepseek-v4-flash',
  streams: await readFixtures(['recorded/deepseek-tool-call.sse']),
  responses: await readJsonFixtures(['recorded/deepseek-reasoning.response.json']),
  errors: { 'recorded/deepseek-error-400-reasoning-content.json': { status: 400, body: await readJsonFixture('recorded/deepseek-error-400-reasoning-content.json') } },
})
runProviderContract(groq, { modelId: 'llama-3.3-70b-versatile', streams: await readFixtures(['recorded/groq-tool-call.sse']), responses: {}, errors: {} })
runProviderContract(xai, { modelId: 'grok-3-mini', streams: await readFixtures(['recorded/xai-tool-call.sse']), responses: {}, errors: {} })

const context = { modelId: 'm' }
const events = async (spec: typeof mistral.spec, name: string) => convertSseText(await readFixture(name), spec.createStreamConverter(context))

describe('preset streams, exactly', () => {
  test('Mistral reasoning: content-part arrays become a reasoning block, then text; usage from the finish chunk', async () => {
    expect(await events(mistral.spec, 'recorded/mistral-reasoning.sse')).toEqual([
      { type: 'response-start', id: 'a4e29c5b82f94d67b23e108a7c9df6e1', model: 'magistral-medium-2507', created: 1769088912 },
      { type: 'reasoning-start', index: 0 },
      { type: 'reasoning-delta', index: 0, delta: 'The user is asking' },
      { type: 'reasoning-delta', index: 0, delta: ' for 2+2. This is basic arithmetic. 2+2=4.' },
      { type: 'reasoning-end', index: 0 },
      { type: 'text-start', index: 1 },
      { type: 'text-delta', index: 1, delta: '2 + 2 = 4' },
      { type: 'text-end', index: 1 },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        usage: { input: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, output: { total: 46, text: 46, reasoning: 0 } },
      },
    ])
  })

  test('Mistral tool call without index or type on the call', async () => {
    const converted = await events(mistral.spec, 'recorded/mistral-tool-call.sse')
    expect(converted.slice(1, 4)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'gSIMJiOkT', name: 'weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"location": "San Francisco"}' },
      { type: 'tool-call-end', index: 0 },
    ])
    expect(converted.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls', usage: { input: { total: 124 }, output: { total: 22 } } })
  })

  test('DeepSeek thinking then a tool call; cached and reasoning tokens from the finish chunk', async () => {
    const converted = await events(deepseek.spec, 'recorded/deepseek-tool-call.sse')
    const reasoning = converted.filter((event) => event.type === 'reasoning-delta').map((event) => (event.type === 'reasoning-delta' ? event.delta : '')).join('')
    const argumentsText = converted.filter((event) => event.type === 'tool-call-delta').map((event) => (event.type === 'tool-call-delta' ? event.argumentsDelta : '')).join('')
    expect(reasoning).toBe('The user asks about the weather in San Francisco. I should use the weather tool.')
    expect(argumentsText).toBe('{"location": "San Francisco"}')
    expect(converted.map((event) => event.type).filter((type) => type.endsWith('-start') || type.endsWith('-end'))).toEqual(['response-start', 'reasoning-start', 'reasoning-end', 'tool-call-start', 'tool-call-end'])
    expect(converted.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'tool-calls',
      rawFinishReason: 'tool_calls',
      usage: { input: { total: 374, noCache: 118, cacheRead: 256, cacheWrite: 0 }, output: { total: 61, text: 44, reasoning: 17 } },
    })
  })

  test('Groq: usage from the last chunk (also in x_groq)', async () => {
    expect((await events(groq.spec, 'recorded/groq-tool-call.sse')).at(-1)).toMatchObject({ type: 'finish', usage: { input: { total: 210 }, output: { total: 15 } } })
  })

  test('xAI: completion_tokens leave reasoning out; the gateway counts both (291 + 26 + 196 = total_tokens 513)', async () => {
    expect((await events(xai.spec, 'recorded/xai-tool-call.sse')).at(-1)).toEqual({
      type: 'finish',
      finishReason: 'tool-calls',
      rawFinishReason: 'tool_calls',
      usage: { input: { total: 291, noCache: 1, cacheRead: 290, cacheWrite: 0 }, output: { total: 222, text: 26, reasoning: 196 } },
    })
  })

  test('DeepSeek JSON answer: reasoning_content becomes a reasoning part before the text', async () => {
    const response = deepseek.spec.convertResponse(await readJsonFixture('recorded/deepseek-reasoning.response.json'), context)
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text'])
    expect(response.usage.output).toEqual({ total: 131, text: 18, reasoning: 113 })
  })
})
