import { describe, expect, test } from 'bun:test'
import { definePlugin, type CanonicalRequest } from '@tollgate/core'
import OpenAI from 'openai'
import { BASE_URL, MASTER_KEY, createTestGateway } from './helpers/create-test-gateway'

const anthropicFixture = (name: string) => Bun.file(new URL(`../plugins/provider-anthropic/fixtures/${name}`, import.meta.url)).text()
const responsesFixture = (name: string) => Bun.file(new URL(`../plugins/provider-openai/fixtures/responses/${name}`, import.meta.url)).text()

const schema = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'], additionalProperties: false }
const fn = (name: string, description: string) => ({ type: 'function', name, description, strict: false, parameters: schema })
/** Codex CLI's tools: plain function tools, and its sub-agent and MCP tools as namespace tools (codex-rs/tools/src/responses_api.rs). */
const codexTools = [
  fn('shell', 'Runs a shell command'),
  { type: 'namespace', name: 'agents', description: 'Tools in the agents namespace.', tools: [fn('spawn_agent', 'Start a sub-agent'), fn('wait', 'Wait for a sub-agent')] },
  { type: 'namespace', name: 'mcp__docs', description: 'Tools in the mcp__docs namespace.', tools: [fn('search', 'Search the docs')] },
]
const flatNames = ['shell', 'agents__spawn_agent', 'agents__wait', 'mcp__docs__search']
const wireNames = [{ name: 'shell' }, { name: 'spawn_agent', namespace: 'agents' }, { name: 'wait', namespace: 'agents' }, { name: 'search', namespace: 'mcp__docs' }]
const userTurn = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] })

/** The gateway with a plugin that keeps every canonical request (what the provider is given). */
function namespaceGateway(plugins = [] as ReturnType<typeof definePlugin>[]) {
  const seen: CanonicalRequest[] = []
  const spy = definePlugin({ name: 'spy', hooks: { transformRequest: (_context, request) => void seen.push(structuredClone(request)) } })
  const gateway = createTestGateway({ plugins: [spy, ...plugins] })
  const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: `${BASE_URL}/v1`, fetch: gateway.fetch, maxRetries: 0 })
  return { ...gateway, client, seen }
}

type Call = { type: string; call_id: string; name: string; namespace?: string; arguments: string }
const callsOf = (output: Array<{ type: string }>) => output.filter((item): item is Call => item.type === 'function_call')
const outputsFor = (calls: Call[]) => calls.map((call, index) => ({ type: 'function_call_output', call_id: call.call_id, output: `result ${index}` }))

describe('Codex namespace tools → mock (calls every offered tool)', () => {
  test('members reach the provider under flat names; calls stream back with name + namespace; the outputs pair up on the next turn', async () => {
    const gateway = namespaceGateway()
    const input = [userTurn('Use everything [[tools:all]]')]
    const first = await gateway.client.responses.stream({ model: 'mock/tools', input, tools: codexTools, stream: true } as never).finalResponse()
    expect(gateway.seen[0].tools!.map((tool) => tool.name)).toEqual(flatNames)
    const calls = callsOf(first.output)
    expect(calls.map(({ name, namespace }) => (namespace === undefined ? { name } : { name, namespace }))).toEqual(wireNames)

    const second = await gateway.client.responses.create({ model: 'mock/tools', input: [...input, ...calls, ...outputsFor(calls)], tools: codexTools } as never)
    const history = gateway.seen[1].messages
    const sentCalls = history[1].content.map((part) => (part.type === 'tool-call' ? [part.id, part.name] : part.type))
    expect(sentCalls).toEqual(calls.map((call, index) => [call.call_id, flatNames[index]]))
    expect(history[2].content.map((part) => (part.type === 'tool-result' ? [part.toolCallId, part.name, part.content] : part.type))).toEqual(
      calls.map((call, index) => [call.call_id, flatNames[index], `result ${index}`]),
    )
    expect(second.output_text).toBe('Tool results: result 0result 1result 2result 3')
  })
})

describe('Codex namespace tools → Anthropic', () => {
  test('JSON: Anthropic gets flat tool names; its parallel calls come back namespaced; tool_result blocks answer the tool_use ids', async () => {
    const gateway = namespaceGateway()
    let call = 0
    const recorded = (await anthropicFixture('parallel-tool-use.response.json')).replaceAll('"retrieve_entity_info"', () => JSON.stringify(flatNames[call++]))
    gateway.anthropicUpstream.reply({ json: JSON.parse(recorded) }, { json: JSON.parse(await anthropicFixture('parallel-tool-results.response.json')) })
    const input = [userTurn('Who is the youngest?')]
    const first = await gateway.client.responses.create({ model: 'claude-haiku-4-5', input, tools: codexTools } as never)
    const sentTools = gateway.anthropicUpstream.requests[0].body.tools
    expect(sentTools.map((tool: { name: string; input_schema: unknown }) => [tool.name, tool.input_schema])).toEqual(flatNames.map((name) => [name, schema]))
    const calls = callsOf(first.output)
    expect(calls.map(({ name, namespace, arguments: args }) => ({ name, ...(namespace !== undefined && { namespace }), arguments: args }))).toEqual([
      { ...wireNames[0], arguments: '{"name":"Alice"}' },
      { ...wireNames[1], arguments: '{"name":"Bob"}' },
      { ...wireNames[2], arguments: '{"name":"Charlie"}' },
      { ...wireNames[3], arguments: '{"name":"Daisy"}' },
    ])

    const second = await gateway.client.responses.create({ model: 'claude-haiku-4-5', input: [...input, ...first.output, ...outputsFor(calls)], tools: codexTools } as never)
    const [, assistant, results] = gateway.anthropicUpstream.requests[1].body.messages
    const toolUses = assistant.content.filter((block: { type: string }) => block.type === 'tool_use')
    expect(toolUses.map((block: { id: string; name: string }) => [block.id, block.name])).toEqual(calls.map((call, index) => [call.call_id, flatNames[index]]))
    expect(results.content.map((block: { tool_use_id: string; content: unknown }) => [block.tool_use_id, block.content])).toEqual(calls.map((call, index) => [call.call_id, `result ${index}`]))
    expect(second.output_text).toContain('Daisy is the youngest')
  })

  test('stream: the added and done events of each call carry the member name and its namespace', async () => {
    const gateway = namespaceGateway()
    let call = 0
    const streamed = ['agents__spawn_agent', 'mcp__docs__search']
    gateway.anthropicUpstream.reply({ sse: (await anthropicFixture('stream-parallel-tool-use.sse')).replaceAll('"pelican_name_generator"', () => JSON.stringify(streamed[call++])) })
    const stream = await gateway.client.responses.create({ model: 'claude-haiku-4-5', input: [userTurn('Name two pelicans')], tools: codexTools, stream: true } as never)
    const items: Array<[string, Call]> = []
    for await (const event of stream as unknown as AsyncIterable<{ type: string; item?: Call }>) {
      if ((event.type === 'response.output_item.added' || event.type === 'response.output_item.done') && event.item?.type === 'function_call') items.push([event.type, event.item])
    }
    expect(items.map(([type, item]) => [type, item.name, item.namespace])).toEqual([
      ['response.output_item.added', 'spawn_agent', 'agents'],
      ['response.output_item.done', 'spawn_agent', 'agents'],
      ['response.output_item.added', 'search', 'mcp__docs'],
      ['response.output_item.done', 'search', 'mcp__docs'],
    ])
  })
})

describe('Codex namespace tools → OpenAI through the canonical form (a plugin needs it)', () => {
  test('the namespace tools and namespaced history reach /v1/responses as the client sent them', async () => {
    const gateway = namespaceGateway([definePlugin({ name: 'observer', hooks: { onStreamEvent() {} } })])
    gateway.openaiUpstream.reply({ sse: await responsesFixture('stream-function-call.sse') })
    const body = {
      model: 'gpt-5',
      input: [
        userTurn('Delegate'),
        { type: 'function_call', call_id: 'call_1', name: 'spawn_agent', namespace: 'agents', arguments: '{"message":"go"}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'started' },
      ],
      tools: codexTools,
      store: false,
      stream: true,
    }
    await gateway.client.responses.stream(body as never).finalResponse()
    expect(gateway.seen[0].tools!.map((tool) => tool.name)).toEqual(flatNames)
    expect(gateway.openaiUpstream.lastRequest!.body).toEqual(body)
  })
})
