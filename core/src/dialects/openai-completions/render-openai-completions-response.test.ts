import { expect, test } from 'bun:test'
import { createUsage, type CanonicalResponse } from '../../canonical'
import { mapToOpenAICompletionsFinishReason, renderOpenAICompletionsResponse } from './render-openai-completions-response'

const response: CanonicalResponse = {
  id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7',
  model: 'gpt-3.5-turbo-instruct',
  created: 1589478378,
  content: [{ type: 'reasoning', text: 'hmm' }, { type: 'text', text: '\n\nThis is indeed a test' }],
  finishReason: 'length',
  usage: createUsage({ noCache: 5, text: 7 }),
}

test('the API reference answer: text_completion with one choice; reasoning has no place in a completion', () => {
  expect(renderOpenAICompletionsResponse(response, { model: 'instruct', requestId: 'req_1', includeUsage: false })).toEqual({
    id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7',
    object: 'text_completion',
    created: 1589478378,
    model: 'instruct',
    choices: [{ text: '\n\nThis is indeed a test', index: 0, logprobs: null, finish_reason: 'length' }],
    usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
  })
})

test('echo puts the prompt first', () => {
  const rendered = renderOpenAICompletionsResponse(response, { model: 'm', requestId: 'r', includeUsage: false, options: { echo: 'Say this is a test' } })
  expect(rendered.choices[0].text).toBe('Say this is a test\n\nThis is indeed a test')
})

test('finish reasons: stop, length, content_filter (a tool call or refusal ends as stop)', () => {
  expect(['stop', 'stop-sequence', 'length', 'content-filter', 'tool-calls', 'refusal', 'other'].map((reason) => mapToOpenAICompletionsFinishReason(reason as never))).toEqual([
    'stop',
    'stop',
    'length',
    'content_filter',
    'stop',
    'stop',
    'stop',
  ])
})
