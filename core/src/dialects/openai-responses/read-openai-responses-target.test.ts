import { expect, test } from 'bun:test'
import { readOpenAIResponsesTarget, readRenderOptions } from './read-openai-responses-target'

test('model, stream flag, custom tool names and the echoed request fields', () => {
  const tools = [{ type: 'function', name: 'f', parameters: {} }, { type: 'custom', name: 'apply_patch' }, { type: 'web_search' }]
  const target = readOpenAIResponsesTarget({ model: 'gpt-5', stream: true, tools, instructions: 'Be brief.', reasoning: { effort: 'low' }, text: { verbosity: 'low' }, metadata: { a: '1' } })
  expect([target.model, target.stream, target.includeUsage]).toEqual(['gpt-5', true, false])
  const options = readRenderOptions({ model: 'gpt-5', requestId: 'r', includeUsage: false, options: target.options })
  expect([...options.customTools]).toEqual(['apply_patch'])
  expect(options.echo).toEqual({
    instructions: 'Be brief.',
    max_output_tokens: null,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: 'low', summary: null },
    temperature: null,
    text: { format: { type: 'text' }, verbosity: 'low' },
    tool_choice: 'auto',
    tools,
    top_p: null,
    truncation: 'disabled',
    user: null,
    metadata: { a: '1' },
  })
})

test('namespace members: flat name -> namespace and own name; custom members are custom tools under their flat names', () => {
  const tools = [{ type: 'custom', name: 'apply_patch' }, { type: 'namespace', name: 'agents', tools: [{ type: 'function', name: 'spawn_agent' }, { type: 'custom', name: 'patch' }] }]
  const options = readRenderOptions({ model: 'm', requestId: 'r', includeUsage: false, options: readOpenAIResponsesTarget({ tools }).options })
  expect([...options.namespacedTools]).toEqual([
    ['agents__spawn_agent', { namespace: 'agents', name: 'spawn_agent' }],
    ['agents__patch', { namespace: 'agents', name: 'patch' }],
  ])
  expect([...options.customTools]).toEqual(['apply_patch', 'agents__patch'])
  expect(readRenderOptions({ model: 'm', requestId: 'r', includeUsage: false }).namespacedTools.size).toBe(0)
})

test('never throws on a malformed body (toCanonical refuses it later with a 400)', () => {
  expect(readOpenAIResponsesTarget(null)).toMatchObject({ model: undefined, stream: false })
  expect([...readRenderOptions({ model: 'm', requestId: 'r', includeUsage: false, options: readOpenAIResponsesTarget({ tools: 'x' }).options }).customTools]).toEqual([])
  expect(readRenderOptions({ model: 'm', requestId: 'r', includeUsage: false }).echo.tools).toEqual([])
})
