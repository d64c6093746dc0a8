import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { convertAnthropicAssistantBlock, convertAnthropicUserBlock, utf8ToBase64 } from './convert-anthropic-blocks'

function errorOf(run: () => unknown): GatewayError {
  try {
    run()
  } catch (error) {
    return error as GatewayError
  }
  throw new Error('expected a GatewayError')
}

describe('convertAnthropicUserBlock', () => {
  test('text keeps cache_control and citations in providerData', () => {
    expect(convertAnthropicUserBlock({ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }, 'p')).toEqual({
      type: 'text',
      text: 'hi',
      providerData: { anthropic: { cache_control: { type: 'ephemeral' } } },
    })
  })

  test('image sources: base64, url, file', () => {
    expect(convertAnthropicUserBlock({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } }, 'p')).toEqual({
      type: 'image',
      source: { kind: 'base64', mediaType: 'image/png', data: 'iVBO' },
    })
    expect(convertAnthropicUserBlock({ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }, 'p')).toEqual({ type: 'image', source: { kind: 'url', url: 'https://x/y.png' } })
    expect(convertAnthropicUserBlock({ type: 'image', source: { type: 'file', file_id: 'file_1' } }, 'p')).toEqual({ type: 'image', source: { kind: 'file-id', fileId: 'file_1' } })
  })

  test('documents: pdf, url, plain text (as base64 text/plain, multi-byte safe), title, context', () => {
    expect(convertAnthropicUserBlock({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBE' }, title: 'T', context: 'C' }, 'p')).toEqual({
      type: 'file',
      source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBE' },
      mediaType: 'application/pdf',
      title: 'T',
      providerData: { anthropic: { context: 'C' } },
    })
    expect(convertAnthropicUserBlock({ type: 'document', source: { type: 'url', url: 'https://x/a.pdf' } }, 'p')).toEqual({
      type: 'file',
      source: { kind: 'url', url: 'https://x/a.pdf' },
      mediaType: 'application/pdf',
    })
    expect(convertAnthropicUserBlock({ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'héllo ✓' } }, 'p')).toEqual({
      type: 'file',
      source: { kind: 'base64', mediaType: 'text/plain', data: Buffer.from('héllo ✓').toString('base64') },
      mediaType: 'text/plain',
    })
  })

  test('unknown block types and sources are kept verbatim as provider blocks', () => {
    const searchResult = { type: 'search_result', source: 'https://x', title: 't', content: [{ type: 'text', text: 'a' }] }
    expect(convertAnthropicUserBlock(searchResult, 'p')).toEqual({ type: 'provider-block', provider: 'anthropic', block: searchResult })
    const contentDocument = { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'a' }] } }
    expect(convertAnthropicUserBlock(contentDocument, 'p')).toEqual({ type: 'provider-block', provider: 'anthropic', block: contentDocument })
  })

  test('tool_result: string, blocks with an image, is_error kept only when sent', () => {
    expect(convertAnthropicUserBlock({ type: 'tool_result', tool_use_id: 't1', content: 'Charles' }, 'p')).toEqual({ type: 'tool-result', toolCallId: 't1', content: 'Charles' })
    expect(
      convertAnthropicUserBlock({ type: 'tool_result', tool_use_id: 't1', is_error: false, content: [{ type: 'image', source: { type: 'url', url: 'https://x/1.png' } }] }, 'p'),
    ).toEqual({ type: 'tool-result', toolCallId: 't1', content: [{ type: 'image', source: { kind: 'url', url: 'https://x/1.png' } }], isError: false })
  })

  test('bad input throws 400 with the exact param', () => {
    expect(errorOf(() => convertAnthropicUserBlock({ text: 'no type' }, 'messages.1.content.0')).param).toBe('messages.1.content.0.type')
    expect(errorOf(() => convertAnthropicUserBlock('text', 'messages.0.content.2')).param).toBe('messages.0.content.2')
    expect(errorOf(() => convertAnthropicUserBlock({ type: 'text', text: 5 }, 'm.0')).param).toBe('m.0.text')
    expect(errorOf(() => convertAnthropicUserBlock({ type: 'image', source: { type: 'base64', data: 'x' } }, 'm.0')).param).toBe('m.0.source.media_type')
    const error = errorOf(() => convertAnthropicUserBlock({ type: 'tool_result', content: 'x' }, 'm.0'))
    expect([error.status, error.param]).toEqual([400, 'm.0.tool_use_id'])
  })
})

describe('convertAnthropicAssistantBlock', () => {
  test('thinking and redacted thinking keep their opaque state, provider anthropic', () => {
    expect(convertAnthropicAssistantBlock({ type: 'thinking', thinking: 'hmm', signature: 'EqQB' }, 'p')).toEqual({ type: 'reasoning', text: 'hmm', signature: 'EqQB', provider: 'anthropic' })
    expect(convertAnthropicAssistantBlock({ type: 'redacted_thinking', data: 'EmwK' }, 'p')).toEqual({ type: 'reasoning', text: '', redactedData: 'EmwK', provider: 'anthropic' })
  })

  test('tool_use: input object → JSON text; caller kept in providerData', () => {
    expect(convertAnthropicAssistantBlock({ type: 'tool_use', id: 'toolu_1', name: 'get', input: { city: 'Paris' }, caller: { type: 'direct' } }, 'p')).toEqual({
      type: 'tool-call',
      id: 'toolu_1',
      name: 'get',
      arguments: '{"city":"Paris"}',
      providerData: { anthropic: { caller: { type: 'direct' } } },
    })
    expect(errorOf(() => convertAnthropicAssistantBlock({ type: 'tool_use', id: 'a', name: 'b', input: 'x' }, 'm.1.content.0')).param).toBe('m.1.content.0.input')
  })

  test('server tool blocks are provider blocks', () => {
    const block = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'q' } }
    expect(convertAnthropicAssistantBlock(block, 'p')).toEqual({ type: 'provider-block', provider: 'anthropic', block })
  })

  test('utf8ToBase64 matches Buffer on multi-byte text', () => {
    const text = '1️⃣ °F — ✅'.repeat(5000)
    expect(utf8ToBase64(text)).toBe(Buffer.from(text).toString('base64'))
  })
})
