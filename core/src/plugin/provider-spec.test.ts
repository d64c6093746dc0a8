import { expect, test } from 'bun:test'
import { emptyUsage } from '../canonical'
import { defineProvider, selectWireFormat, type ProviderSpecV1, type WireFormatSpec } from './provider-spec'

const converter = { event: () => [], end: () => [] }
const response = { id: 'r', model: 'm', created: 0, content: [], finishReason: 'stop' as const, usage: emptyUsage() }
const alternate: WireFormatSpec = {
  wireFormat: 'openai-responses',
  endpoints: { chat: '/responses' },
  convertRequest: () => ({ body: { alternate: true } }),
  convertResponse: () => response,
  createStreamConverter: () => converter,
  preparePassthroughBody: (body) => body,
}
const main: ProviderSpecV1 = {
  specificationVersion: 'v1',
  id: 'two-formats',
  name: 'Two formats',
  wireFormat: 'openai-chat',
  defaultBaseURL: 'https://upstream.test/v1',
  auth: { type: 'bearer' },
  endpoints: { chat: '/chat/completions' },
  models: [{ id: 'm' }],
  renames: { max_completion_tokens: 'max_tokens' },
  passthroughHeaders: ['x-main'],
  convertRequest: () => ({ body: { main: true } }),
  convertResponse: () => response,
  createStreamConverter: () => converter,
  convertError: (status) => ({ status, message: 'main' }),
  preparePassthroughBody: (body) => ({ ...body, main: true }),
  alternateFormats: [alternate],
}

test('the main spec serves its own wire format and formats no alternate speaks', () => {
  expect(selectWireFormat(main, 'openai-chat')).toBe(main)
  expect(selectWireFormat(main, 'anthropic-messages')).toBe(main)
})

test('an alternate format replaces endpoint, conversions and pass-through settings; identity, auth and error mapping stay', () => {
  const selected = selectWireFormat(main, 'openai-responses')
  expect(selected).toBe(selectWireFormat(main, 'openai-responses'))
  expect([selected.id, selected.defaultBaseURL, selected.auth, selected.models]).toEqual([main.id, main.defaultBaseURL, main.auth, main.models])
  expect([selected.wireFormat, selected.endpoints.chat, selected.renames, selected.passthroughHeaders]).toEqual(['openai-responses', '/responses', undefined, undefined])
  expect(selected.convertRequest(undefined as never, { modelId: 'm' }).body).toEqual({ alternate: true })
  expect(selected.preparePassthroughBody).toBe(alternate.preparePassthroughBody)
  expect(selected.convertError).toBe(main.convertError)
  expect(selected.alternateFormats).toBeUndefined()
  expect(defineProvider(selected).spec).toBe(selected)
})

test('an alternate without a pass-through preparer does not inherit the main one (no fast path), and may map its own errors', () => {
  const own = { ...alternate, preparePassthroughBody: undefined, convertError: (status: number) => ({ status, message: 'own' }) }
  const selected = selectWireFormat({ ...main, alternateFormats: [own] }, 'openai-responses')
  expect(selected.preparePassthroughBody).toBeUndefined()
  expect(selected.convertError(400, {}, new Headers()).message).toBe('own')
})

test('two specs sharing one alternate format object each get their own selection', () => {
  const derived = { ...main, id: 'derived', defaultBaseURL: 'https://other.test/v1' }
  expect(selectWireFormat(derived, 'openai-responses').id).toBe('derived')
  expect(selectWireFormat(main, 'openai-responses').id).toBe('two-formats')
})
