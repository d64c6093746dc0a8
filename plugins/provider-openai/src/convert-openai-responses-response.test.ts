import { describe, expect, test } from 'bun:test'
import { createUsage } from '@tollgate/core'
import { readResponsesJsonFixture } from '../test-support/read-responses-fixture'
import { convertOpenAIResponsesResponse } from './convert-openai-responses-response'

const context = { modelId: 'gpt-5' }

describe('convertOpenAIResponsesResponse on recorded responses', () => {
  test('reasoning summary with encrypted content, then text (reasoning-summary)', async () => {
    const body = await readResponsesJsonFixture('reasoning-summary.response.json')
    expect(convertOpenAIResponsesResponse(body, context)).toEqual({
      id: 'resp_0b028a7a2aca8d68006942f4e05a848193a3052f1530ea1deb',
      model: 'gpt-5.2-2025-12-11',
      created: body.created_at,
      content: [
        { type: 'reasoning', text: body.output[0].summary[0].text, id: body.output[0].id, encryptedContent: body.output[0].encrypted_content, provider: 'openai' },
        { type: 'text', text: body.output[1].content[0].text },
      ],
      finishReason: 'stop',
      rawFinishReason: 'completed',
      usage: createUsage({ noCache: 34, text: 167, reasoning: 59 }),
    })
  })

  test('a function call: completed with calls is tool-calls; the item id is kept (function-call)', async () => {
    const body = await readResponsesJsonFixture('function-call.response.json')
    const response = convertOpenAIResponsesResponse(body, context)
    expect(response.content).toEqual([
      { type: 'tool-call', id: 'call_YfwRsW8sUxDKipwyhWTzOXCA', name: 'get_capital', arguments: '{"country":"PotatoLand"}', providerData: { 'openai-responses': { id: 'fc_04907f5d3de791830068fbaa1b310c81958dc9c508e878c632' } } },
    ])
    expect([response.finishReason, response.usage]).toEqual(['tool-calls', createUsage({ noCache: 40, text: 18 })])
  })

  test('cached tokens (cached-tokens-reasoning-history)', async () => {
    expect(convertOpenAIResponsesResponse(await readResponsesJsonFixture('cached-tokens-reasoning-history.response.json'), context).usage).toEqual(createUsage({ noCache: 39, cacheRead: 2048, text: 124 }))
  })
})

describe('convertOpenAIResponsesResponse on other shapes', () => {
  test('refusal, custom tool call, built-in item, incomplete', () => {
    const response = convertOpenAIResponsesResponse(
      {
        id: 'resp_1',
        object: 'response',
        created_at: 5,
        model: '',
        status: 'incomplete',
        incomplete_details: { reason: 'content_filter' },
        output: [
          { type: 'web_search_call', id: 'ws_1', status: 'completed' },
          { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }] },
          { type: 'custom_tool_call', id: 'ctc_1', call_id: 'call_1', name: 'apply_patch', input: 'x' },
        ],
      },
      context,
    )
    expect(response).toEqual({
      id: 'resp_1',
      model: 'gpt-5',
      created: 5,
      content: [
        { type: 'provider-block', provider: 'openai', block: { type: 'web_search_call', id: 'ws_1', status: 'completed' } },
        { type: 'tool-call', id: 'call_1', name: 'apply_patch', arguments: '{"input":"x"}', providerData: { 'openai-responses': { type: 'custom_tool_call', id: 'ctc_1' } } },
      ],
      finishReason: 'content-filter',
      rawFinishReason: 'content_filter',
      refusal: 'No.',
      usage: createUsage({}),
    })
  })

  test('calls to namespace members keep their `namespace` (with the item id) for the Responses dialect to render back', () => {
    const body = {
      id: 'resp_1',
      object: 'response' as const,
      model: 'gpt-5',
      created_at: 1,
      status: 'completed',
      output: [
        { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'spawn_agent', namespace: 'agents', arguments: '{}' },
        { type: 'custom_tool_call', call_id: 'call_2', name: 'patch', namespace: 'mcp__files', input: 'diff' },
      ],
    }
    expect(convertOpenAIResponsesResponse(body, context).content).toEqual([
      { type: 'tool-call', id: 'call_1', name: 'spawn_agent', arguments: '{}', providerData: { 'openai-responses': { id: 'fc_1', namespace: 'agents' } } },
      { type: 'tool-call', id: 'call_2', name: 'patch', arguments: '{"input":"diff"}', providerData: { 'openai-responses': { type: 'custom_tool_call', namespace: 'mcp__files' } } },
    ])
  })
})
