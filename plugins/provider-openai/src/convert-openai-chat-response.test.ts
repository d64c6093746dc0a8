import { describe, expect, test } from 'bun:test'
import { createUsage, openAIChatDialect } from '@tollgate/core'
import { convertOpenAIChatResponse } from './convert-openai-chat-response'

const fixture = (name: string) => Bun.file(new URL(`../fixtures/${name}`, import.meta.url)).json()
const context = { modelId: 'gpt-4o' }

describe('convertOpenAIChatResponse', () => {
  test('text (response-text)', async () => {
    expect(convertOpenAIChatResponse(await fixture('response-text.response.json'), context)).toEqual({
      id: 'chatcmpl-ABfvaueLEMLNYbT8YzpJxsmiQ6HSY',
      model: 'gpt-4o-2024-08-06',
      created: 1727346142,
      content: [
        {
          type: 'text',
          text: "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, I recommend checking a reliable weather website or app like the Weather Channel or a local news station.",
        },
      ],
      finishReason: 'stop',
      rawFinishReason: 'stop',
      usage: createUsage({ noCache: 14, text: 37 }),
    })
  })

  test('single tool call (tool-call.response)', async () => {
    expect(convertOpenAIChatResponse(await fixture('tool-call.response.json'), context)).toEqual({
      id: 'chatcmpl-BWpGNGdPONTwxHkZVxbqctQSBDmTn',
      model: 'gpt-4o-mini-2024-07-18',
      created: 1747163251,
      content: [{ type: 'tool-call', id: 'call_TTY8UFNo7rNCaOBUNtlRSvMG', name: 'lookup_population', arguments: '{"country":"Crumpet"}' }],
      finishReason: 'tool-calls',
      rawFinishReason: 'tool_calls',
      usage: createUsage({ noCache: 92, text: 17 }),
    })
  })

  test('parallel tool calls keep order and verbatim arguments', async () => {
    const response = convertOpenAIChatResponse(await fixture('response-tool-calls-parallel.response.json'), context)
    expect(response.content).toEqual([
      { type: 'tool-call', id: 'call_fdNz3vOBKYgOIpMdWotB9MjY', name: 'GetWeatherArgs', arguments: '{"city": "Edinburgh", "country": "GB", "units": "c"}' },
      { type: 'tool-call', id: 'call_h1DWI1POMJLb0KwIyQHWXD4p', name: 'get_stock_price', arguments: '{"ticker": "AAPL", "exchange": "NASDAQ"}' },
    ])
    expect(response.finishReason).toBe('tool-calls')
  })

  test('refusal: no content, refusal text, finish reason refusal (raw stop)', async () => {
    const response = convertOpenAIChatResponse(await fixture('response-refusal.response.json'), context)
    expect(response.content).toEqual([])
    expect(response.refusal).toBe("I'm very sorry, but I can't assist with that.")
    expect([response.finishReason, response.rawFinishReason]).toEqual(['refusal', 'stop'])
  })

  test('structured output is plain text; finish length', async () => {
    expect(convertOpenAIChatResponse(await fixture('response-structured-output-json-schema.response.json'), context).content).toEqual([
      { type: 'text', text: '{"city":"San Francisco","temperature":65,"units":"f"}' },
    ])
    const truncated = convertOpenAIChatResponse(await fixture('response-finish-length.response.json'), context)
    expect([truncated.content, truncated.finishReason]).toEqual([[{ type: 'text', text: '{"' }], 'length'])
  })

  test('n = 3: only choice 0 is read (usage covers all choices, as billed)', async () => {
    const response = convertOpenAIChatResponse(await fixture('response-n3-choices.response.json'), context)
    expect(response.content).toEqual([{ type: 'text', text: '{"city":"San Francisco","temperature":64,"units":"f"}' }])
    expect(response.usage).toEqual(createUsage({ noCache: 79, text: 44 }))
  })

  test('usage: cached tokens and reasoning tokens', async () => {
    expect(convertOpenAIChatResponse(await fixture('cached-tokens.response.json'), context).usage).toEqual(createUsage({ noCache: 8, cacheRead: 4012, text: 4 }))
    expect(convertOpenAIChatResponse(await fixture('reasoning-o3-mini.response.json'), context).usage).toEqual(createUsage({ noCache: 11, text: 41, reasoning: 768 }))
  })

  test('OpenAI-compatible reasoning fields become reasoning parts before the text', () => {
    const body = {
      id: 'gen-1',
      object: 'chat.completion' as const,
      created: 1,
      model: 'deepseek-reasoner',
      choices: [{ index: 0, message: { role: 'assistant' as const, content: '4', reasoning_content: '2+2=4' }, finish_reason: 'stop' }],
    }
    expect(convertOpenAIChatResponse(body, context).content).toEqual([{ type: 'reasoning', text: '2+2=4' }, { type: 'text', text: '4' }])
  })

  test('through the openai-chat dialect the recorded response comes back (tool-call.response)', async () => {
    const recorded = await fixture('tool-call.response.json')
    const rendered = openAIChatDialect.renderResponse(convertOpenAIChatResponse(recorded, context), { model: 'gpt-4o-mini-2024-07-18', requestId: 'r', includeUsage: false })
    const { service_tier: _tier, system_fingerprint: _fingerprint, ...expected } = recorded
    delete expected.choices[0].message.annotations
    expected.usage = { prompt_tokens: 92, completion_tokens: 17, total_tokens: 109, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } }
    expect(rendered).toEqual(expected)
  })
})
