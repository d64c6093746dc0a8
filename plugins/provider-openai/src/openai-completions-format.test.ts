import { describe, expect, test } from 'bun:test'
import { createUsage, parseSse, type CanonicalRequest } from '@tollgate/core'
import { openaiCompletionsFormat } from './openai-completions-format'

const instruct = { modelId: 'gpt-3.5-turbo-instruct', model: { id: 'gpt-3.5-turbo-instruct', type: 'completion' as const } }
const chat = { modelId: 'gpt-4o', model: { id: 'gpt-4o', type: 'chat' as const } }
const request = (overrides: Partial<CanonicalRequest> = {}): CanonicalRequest => ({
  model: 'm',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Say this is a test' }] }],
  maxOutputTokens: 7,
  temperature: 0,
  stream: false,
  extra: { 'openai-completions': { suffix: ' (end)', best_of: 2 } },
  ...overrides,
})

/** OpenAI API reference: the example answer of `POST /v1/completions`. */
const documented = {
  id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7',
  object: 'text_completion',
  created: 1589478378,
  model: 'gpt-3.5-turbo-instruct',
  system_fingerprint: 'fp_44709d6fcb',
  choices: [{ text: '\n\nThis is indeed a test', index: 0, logprobs: null, finish_reason: 'length' }],
  usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
}

describe('openaiCompletionsFormat', () => {
  test('a completion model gets a real /completions call, its extra fields verbatim', () => {
    expect(openaiCompletionsFormat.convertRequest(request(), instruct)).toEqual({
      path: '/completions',
      body: { model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7, temperature: 0, stream: false, suffix: ' (end)', best_of: 2 },
    })
    expect(openaiCompletionsFormat.convertRequest(request({ stream: true, extra: {} }), instruct).body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  test('a chat model gets Chat Completions; completion-only fields are reported, logit_bias kept', () => {
    const converted = openaiCompletionsFormat.convertRequest(request({ extra: { 'openai-completions': { suffix: 'x', logit_bias: { 1: 5 } } } }), chat)
    expect(converted.path).toBe('/chat/completions')
    expect(converted.body).toEqual({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say this is a test' }], max_completion_tokens: 7, temperature: 0, stream: false, logit_bias: { 1: 5 } })
    expect(converted.warnings).toEqual([{ param: 'suffix', message: "not supported by the chat model 'gpt-4o'; ignored" }])
  })

  test('the documented text_completion reads as a canonical response', () => {
    expect(openaiCompletionsFormat.convertResponse(documented, instruct)).toEqual({
      id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7',
      model: 'gpt-3.5-turbo-instruct',
      created: 1589478378,
      content: [{ type: 'text', text: '\n\nThis is indeed a test' }],
      finishReason: 'length',
      rawFinishReason: 'length',
      usage: createUsage({ noCache: 5, text: 7 }),
    })
  })

  test('a completions stream (chunks in the documented shape) becomes canonical events with usage', () => {
    const chunk = (text: string, finish: string | null) => JSON.stringify({ id: 'cmpl-7iA7', object: 'text_completion', created: 1690759702, choices: [{ text, index: 0, logprobs: null, finish_reason: finish }], model: 'gpt-3.5-turbo-instruct' })
    const usage = JSON.stringify({ id: 'cmpl-7iA7', object: 'text_completion', created: 1690759702, choices: [], model: 'gpt-3.5-turbo-instruct', usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } })
    const sse = [chunk('This', null), chunk(' is', null), chunk('', 'length'), usage, '[DONE]'].map((data) => `data: ${data}\n\n`).join('')
    const converter = openaiCompletionsFormat.createStreamConverter(instruct)
    const events = [...parseSse(sse).flatMap((event) => converter.event(event)), ...converter.end()]
    expect(events).toEqual([
      { type: 'response-start', id: 'cmpl-7iA7', model: 'gpt-3.5-turbo-instruct', created: 1690759702 },
      { type: 'text-start', index: 0 },
      { type: 'text-delta', index: 0, delta: 'This' },
      { type: 'text-delta', index: 0, delta: ' is' },
      { type: 'text-end', index: 0 },
      { type: 'finish', finishReason: 'length', rawFinishReason: 'length', usage: createUsage({ noCache: 5, text: 2 }) },
    ])
  })
})
