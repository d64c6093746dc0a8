import { describe, expect, test } from 'bun:test'
import type { CanonicalResponse } from '../../canonical/response'
import { createUsage } from '../../canonical/usage'
import { encodeForeignReasoning } from '../../formats/openai-responses/convert-openai-responses-reasoning'
import { readOpenAIResponsesTarget } from './read-openai-responses-target'
import { renderOpenAIResponsesResponse } from './render-openai-responses-response'

const fixture = (name: string) => Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).json()
const context = (body: Record<string, unknown>, model = 'gpt-5') => ({ model, requestId: 'req_1', includeUsage: false, options: readOpenAIResponsesTarget(body).options })

describe('renderOpenAIResponsesResponse', () => {
  test('a text answer renders like the recorded response (text): same output, status and usage; generated item id', async () => {
    const recorded = await fixture('text.response.json')
    const response: CanonicalResponse = {
      id: recorded.id,
      model: recorded.model,
      created: recorded.created_at,
      content: [{ type: 'text', text: 'pong' }],
      finishReason: 'stop',
      usage: createUsage({ noCache: 11, text: 5 }),
    }
    const rendered = renderOpenAIResponsesResponse(response, context(await fixture('text.request.json'), 'gpt-5.5'))
    expect(rendered).toMatchObject({ id: recorded.id, object: 'response', created_at: recorded.created_at, status: 'completed', error: null, incomplete_details: null, model: 'gpt-5.5', usage: recorded.usage })
    // Documented differences: item ids are the gateway's; logprobs and phase are not carried.
    const { id: _id, phase: _phase, ...message } = recorded.output[0]
    delete message.content[0].logprobs
    expect(rendered.output).toEqual([{ id: 'msg_08ddf351751647d60169fab1b8a7ac81a081b9e2400e87fb63_0', ...message }])
    expect(rendered.reasoning).toEqual({ effort: 'low', summary: null })
  })

  test('reasoning + function call (function-call): fc id kept from the upstream, call_id, status completed', async () => {
    const recorded = await fixture('function-call.response.json')
    const call = recorded.output[0]
    const response: CanonicalResponse = {
      id: recorded.id,
      model: recorded.model,
      created: recorded.created_at,
      content: [
        { type: 'reasoning', text: 'Looking it up.', id: 'rs_1', encryptedContent: 'gAAAAABo', provider: 'openai' },
        { type: 'tool-call', id: call.call_id, name: call.name, arguments: call.arguments, providerData: { 'openai-responses': { id: call.id } } },
      ],
      finishReason: 'tool-calls',
      usage: createUsage({ noCache: 40, text: 18 }),
    }
    const rendered = renderOpenAIResponsesResponse(response, context(await fixture('function-call.request.json'), 'gpt-4o'))
    expect(rendered.output).toEqual([{ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Looking it up.' }], encrypted_content: 'gAAAAABo' }, call])
    expect(rendered.status).toBe('completed')
    expect(rendered.tools).toEqual(recorded.tools)
  })

  test('Anthropic thinking, text, a custom tool call and a refusal; foreign provider blocks are skipped', () => {
    const response: CanonicalResponse = {
      id: 'msg_01',
      model: 'claude-sonnet-4-5',
      created: 1,
      content: [
        { type: 'reasoning', text: 'Plan.', signature: 'EqQB', provider: 'anthropic' },
        { type: 'text', text: 'Patching.' },
        { type: 'provider-block', provider: 'anthropic', block: { type: 'server_tool_use' } },
        { type: 'tool-call', id: 'toolu_1', name: 'apply_patch', arguments: '{"input":"*** Begin Patch\\n*** End Patch"}' },
      ],
      refusal: 'Not that.',
      finishReason: 'tool-calls',
      usage: createUsage({ noCache: 3, cacheRead: 100, text: 9 }),
    }
    const rendered = renderOpenAIResponsesResponse(response, context({ tools: [{ type: 'custom', name: 'apply_patch' }] }))
    expect(rendered.id).toBe('resp_msg_01')
    expect(rendered.output).toEqual([
      { type: 'reasoning', id: 'rs_msg_01_0', summary: [{ type: 'summary_text', text: 'Plan.' }], encrypted_content: encodeForeignReasoning({ type: 'reasoning', text: 'Plan.', signature: 'EqQB', provider: 'anthropic' }) },
      { id: 'msg_msg_01_1', type: 'message', status: 'completed', content: [{ type: 'output_text', annotations: [], text: 'Patching.' }], role: 'assistant' },
      { id: 'ctc_msg_01_2', type: 'custom_tool_call', status: 'completed', call_id: 'toolu_1', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' },
      { id: 'msg_msg_01_3', type: 'message', status: 'completed', content: [{ type: 'refusal', refusal: 'Not that.' }], role: 'assistant' },
    ])
    expect(rendered.usage).toEqual({ input_tokens: 103, input_tokens_details: { cached_tokens: 100 }, output_tokens: 9, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 112 })
  })

  test('namespace members: calls under a flat name (Anthropic) or named in a namespace (OpenAI) come back with their own name and `namespace`', () => {
    const agents = { type: 'namespace', name: 'agents', description: 'Tools in the agents namespace.', tools: [{ type: 'function', name: 'spawn_agent' }, { type: 'custom', name: 'patch' }] }
    const response: CanonicalResponse = {
      id: 'msg_02',
      model: 'claude-sonnet-4-5',
      created: 1,
      content: [
        { type: 'tool-call', id: 'toolu_1', name: 'agents__spawn_agent', arguments: '{"message":"go"}' },
        { type: 'tool-call', id: 'toolu_2', name: 'agents__patch', arguments: '{"input":"diff"}' },
        { type: 'tool-call', id: 'call_3', name: 'spawn_agent', arguments: '{}', providerData: { 'openai-responses': { id: 'fc_3', namespace: 'agents' } } },
      ],
      finishReason: 'tool-calls',
      usage: createUsage({}),
    }
    expect(renderOpenAIResponsesResponse(response, context({ tools: [agents] })).output).toEqual([
      { id: 'fc_msg_02_0', type: 'function_call', status: 'completed', arguments: '{"message":"go"}', call_id: 'toolu_1', name: 'spawn_agent', namespace: 'agents' },
      { id: 'ctc_msg_02_1', type: 'custom_tool_call', status: 'completed', call_id: 'toolu_2', name: 'patch', namespace: 'agents', input: 'diff' },
      { id: 'fc_3', type: 'function_call', status: 'completed', arguments: '{}', call_id: 'call_3', name: 'spawn_agent', namespace: 'agents' },
    ])
  })

  test('length -> incomplete max_output_tokens; content filter -> incomplete; error -> failed; OpenAI built-in items verbatim', () => {
    const base: CanonicalResponse = { id: 'resp_2', model: 'm', created: 2, content: [], finishReason: 'length', usage: createUsage({}) }
    const webSearch = { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'q' } }
    const length = renderOpenAIResponsesResponse({ ...base, content: [{ type: 'provider-block', provider: 'openai', block: webSearch }] }, context({}))
    expect([length.status, length.incomplete_details, length.error, length.output]).toEqual(['incomplete', { reason: 'max_output_tokens' }, null, [webSearch]])
    const filtered = renderOpenAIResponsesResponse({ ...base, finishReason: 'content-filter' }, context({}))
    expect([filtered.status, filtered.incomplete_details]).toEqual(['incomplete', { reason: 'content_filter' }])
    const failed = renderOpenAIResponsesResponse({ ...base, finishReason: 'error', rawFinishReason: 'MALFORMED_FUNCTION_CALL' }, context({}))
    expect([failed.status, failed.error]).toEqual(['failed', { code: 'server_error', message: 'The model stopped with an error (MALFORMED_FUNCTION_CALL)' }])
  })
})
