import { expect, test } from 'bun:test'
import { anthropicMessagesDialect } from './index'

test('the dialect wires its parts under the id anthropic-messages', () => {
  const request = anthropicMessagesDialect.toCanonical({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'hi' }], stream: true }, new Headers())
  expect(request).toEqual({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true, extra: {} })
  expect(anthropicMessagesDialect.id).toBe('anthropic-messages')
  expect(anthropicMessagesDialect.createTap({ model: 'm', requestId: 'r', includeUsage: false }).tap({ event: 'message_stop', data: '{}' })).toEqual({ done: true })
})
