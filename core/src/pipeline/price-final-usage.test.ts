import { describe, expect, test } from 'bun:test'
import { createUsage, type Usage } from '../canonical'
import { createAnthropicMessagesTap } from '../dialects/anthropic-messages/anthropic-messages-tap'
import { createGeminiTap } from '../dialects/gemini/gemini-tap'
import { createOpenAIChatTap } from '../dialects/openai-chat/openai-chat-tap'
import { createOpenAIResponsesTap } from '../dialects/openai-responses/openai-responses-tap'
import { convertToOpenAIChatUsage, toAnthropicUsage, convertToGeminiUsage, convertToOpenAIResponsesUsage } from '../index'
import { definePlugin } from '../plugin/gateway-plugin'
import type { RenderContext } from '../plugin/dialect'
import { parseSse } from '../sse/sse-parser'
import { createHookRunner } from './create-hook-runner'
import { createRequestContext } from './create-request-context'
import { priceFinalUsage } from './price-final-usage'

const fixture = (dialect: string, name: string) => Bun.file(new URL(`../dialects/${dialect}/fixtures/${name}`, import.meta.url)).text()
/** A pricer: $1 per token, so the expected cost is the token count. */
const priceUsage = (usage: Usage) => usage.input.total + usage.output.total
const context = (priced: boolean): RenderContext => ({ model: 'm', requestId: 'req_1', includeUsage: true, ...(priced && { priceUsage }) })
const lastData = (results: Array<{ data?: string }>) => results.filter((result) => result.data !== undefined).map((result) => JSON.parse(result.data!))

describe('priceFinalUsage', () => {
  const logger = { error() {} }
  const request = createRequestContext(new Request('http://x/v1/chat/completions', { method: 'POST' }), 'openai-chat', '/v1/chat/completions')
  const usage = createUsage({ noCache: 3, text: 4 })

  test('without a pricing plugin: the same object, no hook called', () => {
    const hooks = createHookRunner([], logger)
    expect(hooks.pricesUsage).toBe(false)
    expect(priceFinalUsage(request, hooks, usage)).toBe(usage)
  })

  test('the first plugin that returns a number prices it; a failing or silent pricer is skipped', () => {
    const silent = definePlugin({ name: 'silent', hooks: { priceUsage: () => undefined } })
    const broken = definePlugin({ name: 'broken', hooks: { priceUsage: () => { throw new Error('boom') } } })
    const pricer = definePlugin({ name: 'pricer', hooks: { priceUsage: (_context, priced) => priced.output.total / 1000 } })
    const hooks = createHookRunner([silent, broken, pricer], logger)
    expect(priceFinalUsage(request, hooks, usage)).toEqual({ ...usage, cost: 0.004 })
    expect(usage.cost).toBeUndefined()
  })
})

describe('usage renderers show the cost only when priced', () => {
  const usage = createUsage({ noCache: 3, cacheRead: 2, text: 4 })
  test.each([
    ['openai-chat', convertToOpenAIChatUsage],
    ['anthropic-messages', toAnthropicUsage],
    ['openai-responses', convertToOpenAIResponsesUsage],
    ['gemini', convertToGeminiUsage],
  ] as const)('%s', (_name, render) => {
    expect('cost' in render(usage)).toBe(false)
    expect(render({ ...usage, cost: 0.25 })).toMatchObject({ cost: 0.25 })
  })
})

describe('fast-path taps write the cost into the event with the final usage (and nowhere else)', () => {
  test('OpenAI Chat: the usage chunk', async () => {
    const events = parseSse(await fixture('openai-chat', 'stream-tool-call-include-usage.sse'))
    expect(lastData(events.map((event) => createOpenAIChatTap(context(false)).tap(event)))).toEqual([])
    const tap = createOpenAIChatTap(context(true))
    const rewritten = lastData(events.map((event) => tap.tap(event)))
    expect(rewritten).toHaveLength(1)
    expect(rewritten[0].usage).toMatchObject({ prompt_tokens: 54, completion_tokens: 20, cost: 74 })
    const body = { usage: { prompt_tokens: 1 } }
    tap.addCostToBody!(body, 0.5)
    expect(body.usage).toEqual({ prompt_tokens: 1, cost: 0.5 } as never)
  })

  test('Anthropic: message_delta only (message_start carries the input usage unpriced)', async () => {
    const tap = createAnthropicMessagesTap(context(true))
    const rewritten = lastData(parseSse(await fixture('anthropic-messages', 'stream-text.sse')).map((event) => tap.tap(event)))
    expect(rewritten.map((data) => data.type)).toEqual(['message_delta'])
    expect(rewritten[0].usage).toMatchObject({ output_tokens: 4, cost: 14 })
  })

  test('OpenAI Responses: response.completed', async () => {
    const tap = createOpenAIResponsesTap(context(true))
    const events = parseSse(await fixture('openai-responses', 'stream-reasoning-encrypted-content.step1.sse'))
    const rewritten = lastData(events.map((event) => tap.tap(event)))
    expect(rewritten.map((data) => data.type)).toEqual(['response.completed'])
    const { input_tokens, output_tokens, cost } = rewritten[0].response.usage
    expect(cost).toBe(input_tokens + output_tokens)
  })

  test('Gemini: the finishReason chunk', async () => {
    const tap = createGeminiTap(context(true))
    const rewritten = lastData(parseSse(await fixture('gemini', 'stream-text.sse')).map((event) => tap.tap(event)))
    expect(rewritten).toHaveLength(1)
    expect(rewritten[0].usageMetadata).toMatchObject({ promptTokenCount: 13, candidatesTokenCount: 8, cost: 21 })
  })
})
