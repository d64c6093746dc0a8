import { describe, expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { createOpenAIResponsesTap } from './openai-responses-tap'

const fixture = (name: string) => Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).text()
const context = { model: 'gpt-5', requestId: 'req_1', includeUsage: false }
const tapAll = async (name: string) => {
  const { tap } = createOpenAIResponsesTap(context)
  return parseSse(await fixture(name)).map((event) => tap(event))
}

describe('createOpenAIResponsesTap', () => {
  test('only response.completed carries usage and ends the stream (stream-text)', async () => {
    const results = await tapAll('stream-text.sse')
    expect(results.slice(0, -1).every((result) => Object.keys(result).length === 0)).toBe(true)
    expect(results.at(-1)).toEqual({ usage: { input: { total: 11, noCache: 11, cacheRead: 0, cacheWrite: 0 }, output: { total: 5, text: 5, reasoning: 0 } }, done: true })
  })

  test('reasoning tokens and cached tokens from the terminal event (stream-reasoning-function-call-usage, stream-web-search)', async () => {
    expect((await tapAll('stream-reasoning-function-call-usage.sse')).at(-1)).toEqual({
      usage: { input: { total: 53, noCache: 53, cacheRead: 0, cacheWrite: 0 }, output: { total: 469, text: 21, reasoning: 448 } },
      done: true,
    })
    expect((await tapAll('stream-web-search.sse')).at(-1)?.usage?.input.cacheRead).toBe(8320)
  })

  test('the error event is forwarded, response.failed ends the stream with its error (stream-error-insufficient-quota)', async () => {
    const message = 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.'
    expect(await tapAll('stream-error-insufficient-quota.sse')).toEqual([{}, {}, {}, { error: { status: 429, message, type: 'rate_limit_error' } }])
  })

  test('response.incomplete is a clean terminal with usage; a failed response without its own error uses the error event', () => {
    const { tap } = createOpenAIResponsesTap(context)
    const incomplete = { type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, usage: { input_tokens: 4, output_tokens: 16 } } }
    expect(tap({ event: 'response.incomplete', data: JSON.stringify(incomplete) })).toEqual({
      usage: { input: { total: 4, noCache: 4, cacheRead: 0, cacheWrite: 0 }, output: { total: 16, text: 16, reasoning: 0 } },
      done: true,
    })
    tap({ event: 'error', data: '{"type":"error","code":"server_error","message":"Boom","param":null,"sequence_number":3}' })
    expect(tap({ event: 'response.failed', data: '{"type":"response.failed","response":{"status":"failed"}}' })).toEqual({ error: { status: 502, message: 'Boom', type: 'upstream_error' } })
  })

  test('delta events are never parsed', async () => {
    const { tap } = createOpenAIResponsesTap(context)
    const parse = JSON.parse
    let parses = 0
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => (parses++, parse(...args))
    try {
      for (const event of parseSse(await fixture('stream-reasoning-encrypted-content.step1.sse'))) tap(event)
    } finally {
      JSON.parse = parse
    }
    expect(parses).toBe(1)
  })

  test('usageFromBody reads a response object', async () => {
    const body = JSON.parse(await fixture('response-reasoning-encrypted-content.response.json'))
    expect(createOpenAIResponsesTap(context).usageFromBody(body)).toEqual({ input: { total: 865, noCache: 865, cacheRead: 0, cacheWrite: 0 }, output: { total: 163, text: 35, reasoning: 128 } })
  })
})
