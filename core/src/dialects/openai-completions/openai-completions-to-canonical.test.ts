import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { openAICompletionsToCanonical, readOpenAICompletionsTarget } from './openai-completions-to-canonical'

const rejection = (body: Record<string, unknown>) => {
  try {
    openAICompletionsToCanonical(body)
  } catch (error) {
    if (error instanceof GatewayError) return [error.status, error.param]
    throw error
  }
  throw new Error('expected a 400')
}

describe('openAICompletionsToCanonical', () => {
  test('the API reference request: the prompt is one user message; max_tokens, temperature mapped', () => {
    expect(openAICompletionsToCanonical({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7, temperature: 0 })).toEqual({
      model: 'gpt-3.5-turbo-instruct',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Say this is a test' }] }],
      maxOutputTokens: 7,
      temperature: 0,
      stream: false,
      extra: {},
    })
  })

  test('max_tokens defaults to 16 as in OpenAI (also for null); stop as a string or list; n, seed, penalties, user', () => {
    const request = openAICompletionsToCanonical({ model: 'm', prompt: ['Once'], stop: '\n', n: 1, seed: 7, top_p: 0.5, frequency_penalty: 0.1, presence_penalty: 0.2, user: 'u' })
    expect(request).toMatchObject({ maxOutputTokens: 16, stopSequences: ['\n'], choices: 1, seed: 7, topP: 0.5, frequencyPenalty: 0.1, presencePenalty: 0.2, user: 'u' })
    expect(openAICompletionsToCanonical({ model: 'm', prompt: 'x', max_tokens: null, stop: ['a', 'b'] })).toMatchObject({ maxOutputTokens: 16, stopSequences: ['a', 'b'] })
  })

  test('streams ask for usage only when the client did; echo and stream_options are the dialect’s; suffix, best_of and unknown fields pass through', () => {
    const request = openAICompletionsToCanonical({ model: 'm', prompt: 'x', stream: true, stream_options: { include_usage: true }, echo: true, suffix: ' end', best_of: 2, logit_bias: { 50256: -100 } })
    expect(request.stream).toBe(true)
    expect(request.streamUsage).toBe(true)
    expect(request.extra).toEqual({ 'openai-completions': { suffix: ' end', best_of: 2, logit_bias: { 50256: -100 } } })
  })

  test('several prompts, token prompts and logprobs are 400s naming the param', () => {
    expect(rejection({ model: 'm', prompt: ['a', 'b'] })).toEqual([400, 'prompt'])
    expect(rejection({ model: 'm', prompt: [1, 2, 3] })).toEqual([400, 'prompt'])
    expect(rejection({ model: 'm', prompt: [] })).toEqual([400, 'prompt'])
    expect(rejection({ model: 'm', prompt: 'x', logprobs: 2 })).toEqual([400, 'logprobs'])
    expect(rejection({ prompt: 'x' })).toEqual([400, 'model'])
  })
})

test('readOpenAICompletionsTarget: output limit (16 by default) and the echo text for the renderer', () => {
  expect(readOpenAICompletionsTarget({ model: 'm', prompt: 'Hi', stream: true, echo: true })).toEqual({ model: 'm', stream: true, includeUsage: false, maxOutputTokens: 16, options: { echo: 'Hi' } })
  expect(readOpenAICompletionsTarget({ model: 'm', prompt: 'Hi', max_tokens: 100, stream_options: { include_usage: true } })).toEqual({ model: 'm', stream: false, includeUsage: true, maxOutputTokens: 100, options: undefined })
})
