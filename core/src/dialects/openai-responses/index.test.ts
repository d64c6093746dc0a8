import { expect, test } from 'bun:test'
import { renderOpenAIChatError } from '../openai-chat/render-openai-chat-error'
import { openAIResponsesDialect } from './index'

test('the dialect wires its parts under the id openai-responses and reuses the OpenAI error envelope', () => {
  expect(openAIResponsesDialect.id).toBe('openai-responses')
  expect(openAIResponsesDialect.renderError).toBe(renderOpenAIChatError)
  const target = openAIResponsesDialect.readTarget!({ model: 'gpt-5', input: 'hi', stream: true }, { url: 'http://gateway/v1/responses', params: {} })
  expect([target.model, target.stream]).toEqual(['gpt-5', true])
  expect(openAIResponsesDialect.toCanonical({ model: 'gpt-5', input: 'hi', stream: true }, new Headers())).toEqual({
    model: 'gpt-5',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    stream: true,
    extra: {},
  })
  expect(openAIResponsesDialect.createTap({ model: 'm', requestId: 'r', includeUsage: false }).tap({ event: 'response.completed', data: '{"response":{}}' }).done).toBe(true)
})
