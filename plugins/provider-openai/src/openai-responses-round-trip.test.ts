import { describe, expect, test } from 'bun:test'
import { openAIResponsesDialect } from '@tollgate/core'
import { readResponsesJsonFixture, responsesFixtureNames } from '../test-support/read-responses-fixture'
import { convertToOpenAIResponsesRequest } from './convert-to-openai-responses-request'

const requestFixtures = responsesFixtureNames('*.request.json')

/** Responses client body → dialect → canonical → provider → the body that reaches OpenAI's /v1/responses. */
function roundTrip(body: Record<string, unknown>) {
  const canonical = openAIResponsesDialect.toCanonical(structuredClone(body), new Headers())
  return convertToOpenAIResponsesRequest(canonical, { modelId: body.model as string })
}

describe('Responses client → canonical → OpenAI Responses upstream', () => {
  test(`each of the ${requestFixtures.length} recorded request bodies comes out identical (stream: false made explicit)`, async () => {
    expect(requestFixtures.length).toBe(19)
    for (const name of requestFixtures) {
      const body = await readResponsesJsonFixture(name)
      const expected = 'stream' in body ? body : { ...body, stream: false }
      const converted = roundTrip(body)
      expect({ name, body: converted.body, warnings: converted.warnings }).toEqual({ name, body: expected, warnings: undefined })
      expect(JSON.stringify(converted.body).length).toBe(JSON.stringify(expected).length)
    }
  })

  test('encrypted reasoning replayed in history: id and encrypted_content byte-identical (encrypted-reasoning-roundtrip)', async () => {
    const body = await readResponsesJsonFixture('encrypted-reasoning-roundtrip.request.json')
    const sent = roundTrip(body).body as any
    expect(sent.input[1]).toEqual(body.input[1])
    expect(sent.input[1].encrypted_content === body.input[1].encrypted_content).toBe(true)
    expect([sent.store, sent.include]).toEqual([false, ['reasoning.encrypted_content']])
  })

  test('custom tools, custom tool calls and outputs, developer messages and replayed message items come back as sent', () => {
    const body = {
      model: 'gpt-5-codex',
      instructions: 'You are Codex.',
      input: [
        { type: 'message', role: 'developer', content: [{ type: 'input_text', text: '<permissions>' }] },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Fix the bug' }] },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Plan' }], encrypted_content: 'gAAAAA' },
        { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Patching.', annotations: [] }] },
        { type: 'custom_tool_call', id: 'ctc_1', status: 'completed', call_id: 'call_1', name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' },
        { type: 'custom_tool_call_output', call_id: 'call_1', output: 'Success' },
        { type: 'function_call', call_id: 'call_2', name: 'shell', arguments: '{"command":["ls"]}' },
        { type: 'function_call_output', call_id: 'call_2', output: [{ type: 'input_text', text: 'a.txt' }] },
      ],
      tools: [
        { type: 'function', name: 'shell', description: 'Run a command', strict: false, parameters: { type: 'object', properties: { command: { type: 'array', items: { type: 'string' } } } } },
        { type: 'custom', name: 'apply_patch', description: 'Edit files', format: { type: 'grammar', syntax: 'lark', definition: 'start: begin_patch' } },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      reasoning: { effort: 'medium', summary: 'auto' },
      store: false,
      stream: true,
      include: ['reasoning.encrypted_content'],
      prompt_cache_key: 'session-1',
      text: { verbosity: 'low' },
    }
    expect(roundTrip(body).body).toEqual(body)
  })

  test('documented differences: string input becomes a user message item; built-in tools follow the function tools; inline file data gets a file name', () => {
    const converted = roundTrip({
      model: 'gpt-5',
      input: 'Hello',
      tools: [{ type: 'web_search' }, { type: 'function', name: 'f', parameters: { type: 'object' } }],
    })
    expect(converted.body).toEqual({
      model: 'gpt-5',
      input: [{ role: 'user', content: 'Hello' }],
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object' } }, { type: 'web_search' }],
      stream: false,
    })
    const file = roundTrip({ model: 'gpt-5', input: [{ role: 'user', content: [{ type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=' }] }], stream: false })
    expect((file.body as any).input[0].content).toEqual([{ type: 'input_file', file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'file.pdf' }])
  })
})
