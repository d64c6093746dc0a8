import { expect, test } from 'bun:test'
import { anthropicCountTokensDialect } from './anthropic-count-tokens'

test('count_tokens: the body is the counted Messages request; the answer is {input_tokens}', () => {
  const body = { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hello, world' }] }
  expect(anthropicCountTokensDialect.readTarget(body, { url: 'http://g/v1/messages/count_tokens', params: {} })).toEqual({ model: 'claude-sonnet-4-5' })
  expect(anthropicCountTokensDialect.chatBody(body)).toBe(body)
  expect(anthropicCountTokensDialect.renderResponse(14)).toEqual({ input_tokens: 14 })
})
