import { describe, expect, test } from 'bun:test'
import { openAIResponsesDialect, type ToolDefinition } from '@tollgate/core'
import { convertToOpenAIResponsesRequest } from './convert-to-openai-responses-request'
import { convertToOpenAIResponsesToolChoice, convertToOpenAIResponsesTools } from './convert-to-openai-responses-tools'

const schema = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'], additionalProperties: false }
const member = (name: string) => ({ type: 'function', name, description: `${name} it`, strict: false, parameters: schema })
/** Codex CLI's shape (codex-rs/tools/src/responses_api.rs): namespace tools of function tools, calls carrying `namespace`. */
const codexBody = {
  model: 'gpt-5-codex',
  instructions: 'You are Codex.',
  input: [
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Delegate it' }] },
    { type: 'function_call', call_id: 'call_1', name: 'spawn_agent', namespace: 'agents', arguments: '{"message":"go"}' },
    { type: 'function_call_output', call_id: 'call_1', output: 'started' },
    { type: 'custom_tool_call', call_id: 'call_2', name: 'patch', namespace: 'mcp__files', input: 'diff' },
    { type: 'custom_tool_call_output', call_id: 'call_2', output: 'ok' },
  ],
  tools: [
    member('shell'),
    { type: 'namespace', name: 'agents', description: 'Tools in the agents namespace.', tools: [member('spawn_agent'), member('wait')] },
    { type: 'namespace', name: 'mcp__files', description: 'Tools in the mcp__files namespace.', tools: [{ type: 'custom', name: 'patch', description: 'Edit', format: { type: 'text' } }] },
    { type: 'web_search' },
  ],
  tool_choice: 'auto',
  store: false,
  stream: true,
}

/** Responses client body → dialect → canonical → the body that reaches OpenAI's /v1/responses. */
const roundTrip = (body: Record<string, unknown>) =>
  convertToOpenAIResponsesRequest(openAIResponsesDialect.toCanonical(structuredClone(body), new Headers()), { modelId: body.model as string }).body

describe('namespace tools on the canonical path to OpenAI Responses', () => {
  test('a Codex request with namespace tools and namespaced calls comes out as sent: members regrouped, calls under their own names', () => {
    expect(roundTrip(codexBody)).toEqual(codexBody)
  })

  test('members of one namespace are grouped at the place of the first, whatever else stands between them', () => {
    const namespace = { type: 'namespace', name: 'agents', description: 'd' }
    const tool = (name: string, wire: string): ToolDefinition => ({ name, parameters: schema, providerData: { 'openai-responses': { name: wire, namespace } } })
    const tools = [tool('agents__a', 'a'), { name: 'plain', parameters: schema }, tool('agents__b', 'b')]
    expect(convertToOpenAIResponsesTools(tools)).toEqual([
      { ...namespace, tools: [{ type: 'function', name: 'a', parameters: schema }, { type: 'function', name: 'b', parameters: schema }] },
      { type: 'function', name: 'plain', parameters: schema },
    ])
    // A forced choice names the member by its own name (the wire choice has no namespace).
    expect(convertToOpenAIResponsesToolChoice({ type: 'tool', name: 'agents__b' }, tools)).toEqual({ type: 'function', name: 'b' })
    expect(convertToOpenAIResponsesToolChoice({ type: 'tool', name: 'plain' }, tools)).toEqual({ type: 'function', name: 'plain' })
  })
})
