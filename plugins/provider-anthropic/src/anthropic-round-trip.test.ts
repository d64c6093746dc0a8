import { describe, expect, test } from 'bun:test'
import { anthropicMessagesDialect } from '@tollgate/core'
import { fixtureNames, readJsonFixture } from '../test-support/read-fixture'
import { anthropicModels } from './anthropic-models'
import { convertToAnthropicRequest } from './convert-to-anthropic-request'

const requestFixtures = fixtureNames('*.request.json')

/** Anthropic client body → dialect → canonical → provider → the body that reaches Anthropic. */
function roundTrip(body: Record<string, unknown>, headers = new Headers()) {
  const canonical = anthropicMessagesDialect.toCanonical(structuredClone(body), headers)
  const modelId = body.model as string
  return convertToAnthropicRequest(canonical, { modelId, model: anthropicModels.find((model) => model.id === modelId) })
}

describe('Anthropic client → canonical → Anthropic upstream', () => {
  test(`each of the ${requestFixtures.length} recorded request bodies comes out identical`, async () => {
    expect(requestFixtures.length).toBe(24)
    for (const name of requestFixtures) {
      const body = await readJsonFixture(name)
      const converted = roundTrip(body)
      expect({ name, body: converted.body, warnings: converted.warnings }).toEqual({ name, body, warnings: undefined })
      expect(JSON.stringify(converted.body).length).toBe(JSON.stringify(body).length)
    }
  })

  test('thinking replayed in history: signature and thinking text byte-identical', async () => {
    const body = await readJsonFixture('thinking-replayed-history.request.json')
    const sent = roundTrip(body).body as any
    const [original, replayed] = [body.messages[1].content[0], sent.messages[1].content[0]]
    expect(replayed).toEqual({ type: 'thinking', thinking: original.thinking, signature: original.signature })
    expect(replayed.signature === original.signature && replayed.thinking === original.thinking).toBe(true)
    expect(sent.thinking).toEqual({ budget_tokens: 1024, type: 'enabled' })
  })

  test('anthropic-beta is forwarded; unknown and beta fields reach the upstream', () => {
    const converted = roundTrip(
      { model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] }, container: 'c_1', stream: true },
      new Headers({ 'anthropic-beta': 'context-management-2025-06-27' }),
    )
    expect(converted.headers).toEqual({ 'anthropic-beta': 'context-management-2025-06-27' })
    expect(converted.body).toMatchObject({ context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] }, container: 'c_1' })
  })

  test('server and custom tools, server blocks in history, output_config.effort beside format', () => {
    const history = [
      { role: 'user', content: [{ type: 'text', text: 'weather?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'sf' } },
          { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [{ type: 'web_search_result', url: 'https://x', title: 't', encrypted_content: 'Eo4U' }] },
          { type: 'text', text: 'Sunny', citations: [{ type: 'web_search_result_location', url: 'https://x', cited_text: 'sun', encrypted_index: 'Ep' }] },
        ],
      },
      { role: 'user', content: [{ type: 'search_result', source: 'https://y', title: 'y', content: [{ type: 'text', text: 'z' }] }] },
    ]
    const body = {
      model: 'claude-opus-4-5',
      max_tokens: 1000,
      messages: history,
      tools: [
        { name: 'get', input_schema: { type: 'object' } },
        { type: 'web_search_20250305', name: 'web_search' },
      ],
      output_config: { format: { type: 'json_schema', schema: { type: 'object' } }, effort: 'low' },
      stream: false,
    }
    expect(roundTrip(body).body).toEqual(body)
  })

  test('documented differences: string content becomes blocks, legacy output_format becomes output_config.format, stream made explicit', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } }
    const converted = roundTrip({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'hi' }], output_format: { type: 'json_schema', schema } })
    expect(converted.body).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 8192, // the catalogue default fills a missing max_tokens
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      output_config: { format: { type: 'json_schema', schema } },
      stream: false,
    })
  })

  test('a user turn with text around tool results keeps its block order', () => {
    const body = {
      model: 'claude-haiku-4-5',
      max_tokens: 100,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'go' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'a', input: {} }, { type: 'tool_use', id: 't2', name: 'a', input: { x: [1, { y: null }] } }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'one' }, { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'naïve ✓' }, title: 'notes' }] },
            { type: 'text', text: 'between' },
            { type: 'tool_result', tool_use_id: 't2', content: 'two', is_error: true, cache_control: { type: 'ephemeral' } },
          ],
        },
      ],
      stream: true,
    }
    expect(roundTrip(body).body).toEqual(body)
  })
})
