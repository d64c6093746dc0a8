import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { openAIResponsesToCanonical } from './openai-responses-to-canonical'

const WIRE = 'openai-responses'
const schema = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'], additionalProperties: false }
/** The shape Codex CLI sends its sub-agent tools in (codex-rs/tools/src/responses_api.rs: ResponsesApiNamespace). */
const agents = {
  type: 'namespace',
  name: 'agents',
  description: 'Tools in the agents namespace.',
  tools: [
    { type: 'function', name: 'spawn_agent', description: 'Start a sub-agent', strict: false, parameters: schema },
    { type: 'custom', name: 'patch', description: 'Edit files', format: { type: 'text' } },
  ],
}
const namespaceData = { type: 'namespace', name: 'agents', description: 'Tools in the agents namespace.' }

describe('namespace tools in a Responses request', () => {
  test('members become canonical tools with flat names; each keeps its own name and its namespace for the Responses provider', () => {
    const request = openAIResponsesToCanonical({ model: 'm', input: 'hi', tools: [{ type: 'function', name: 'shell', parameters: schema }, agents, { type: 'web_search' }] })
    expect(request.tools).toEqual([
      { name: 'shell', parameters: schema },
      { name: 'agents__spawn_agent', description: 'Start a sub-agent', parameters: schema, strict: false, providerData: { [WIRE]: { name: 'spawn_agent', namespace: namespaceData } } },
      {
        name: 'agents__patch',
        description: 'Edit files',
        parameters: expect.objectContaining({ required: ['input'] }),
        providerData: { [WIRE]: { type: 'custom', format: { type: 'text' }, name: 'patch', namespace: namespaceData } },
      },
    ])
    // Only the built-in tool is left for the Responses provider to pass through.
    expect(request.extra[WIRE].tools).toEqual([{ type: 'web_search' }])
  })

  test('history: a function_call carrying a namespace takes the flat name (its output too); its wire name and namespace stay in providerData', () => {
    const request = openAIResponsesToCanonical({
      model: 'm',
      tools: [agents],
      input: [
        { role: 'user', content: 'Delegate' },
        { type: 'function_call', call_id: 'call_1', name: 'spawn_agent', namespace: 'agents', arguments: '{"message":"go"}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'started' },
        { type: 'function_call', call_id: 'call_2', name: 'gone', namespace: 'old tools', arguments: '{}' },
      ],
    })
    expect(request.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', id: 'call_1', name: 'agents__spawn_agent', arguments: '{"message":"go"}', providerData: { [WIRE]: { namespace: 'agents', name: 'spawn_agent' } } }],
      },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', name: 'agents__spawn_agent', content: 'started' }] },
      // A tool no longer offered: the plain flat name, still provider-safe.
      { role: 'assistant', content: [{ type: 'tool-call', id: 'call_2', name: 'old_tools__gone', arguments: '{}', providerData: { [WIRE]: { namespace: 'old tools', name: 'gone' } } }] },
    ])
  })

  test('a tool_choice naming a member by its own name forces that member', () => {
    expect(openAIResponsesToCanonical({ model: 'm', input: 'hi', tools: [agents], tool_choice: { type: 'function', name: 'spawn_agent' } }).toolChoice).toEqual({ type: 'tool', name: 'agents__spawn_agent' })
  })

  test('malformed namespace tools are refused with a 400 naming the field', () => {
    const errorOf = (tool: unknown) => {
      try {
        openAIResponsesToCanonical({ model: 'm', input: 'hi', tools: [tool] })
      } catch (error) {
        return error instanceof GatewayError ? [error.status, error.param] : error
      }
    }
    expect(errorOf({ type: 'namespace', tools: [] })).toEqual([400, 'tools[0].name'])
    expect(errorOf({ type: 'namespace', name: 'n' })).toEqual([400, 'tools[0].tools'])
    expect(errorOf({ type: 'namespace', name: 'n', tools: [{ type: 'web_search' }] })).toEqual([400, 'tools[0].tools[0].type'])
    expect(errorOf({ type: 'namespace', name: 'n', tools: [{ type: 'function' }] })).toEqual([400, 'tools[0].tools[0].name'])
  })
})
