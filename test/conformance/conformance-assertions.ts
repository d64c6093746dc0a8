import { expect } from 'bun:test'
import type { ClientAnswer, ClientRequest, ClientToolCall } from './client-driver'
import type { Cell, Support } from './conformance-cases'
import type { RecordedAnswer, Wire } from './recorded-answer'
import type { UpstreamTurn, UpstreamView } from './read-upstream-request'

/** The result a client sends for its i-th tool call: unique per call, so pairing can be checked upstream. */
export const toolResultFor = (call: ClientToolCall, index: number) => `result ${index} for ${call.name}`

const parsedIfJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** The client saw what the provider answered: text, tool calls (ids, names, arguments), reasoning, finish, usage. */
export function expectClientAnswer(cell: Cell, support: Support, answer: ClientAnswer, recorded: RecordedAnswer, wire: Wire) {
  expect(answer.status).toBe(200)
  expect(parsedIfJson(answer.text)).toEqual(parsedIfJson(recorded.text))
  expect(answer.toolCalls.map((call) => [call.name, call.arguments])).toEqual(recorded.toolCalls.map((call) => [call.name, call.arguments]))
  const ids = answer.toolCalls.map((call) => call.id)
  if (recorded.toolCalls.every((call) => call.id !== undefined)) expect(ids).toEqual(recorded.toolCalls.map((call) => call.id!))
  // Gemini function calls carry no id; clients of other dialects need one to pair their results.
  else if (cell.dialect !== 'gemini') expect(new Set(ids.filter((id) => id !== '')).size).toBe(ids.length)
  expect(answer.finish).toBe(recorded.toolCalls.length > 0 ? 'tool-calls' : 'stop')
  expect(answer.reasoningText).toBe(recorded.reasoningText)
  if (lostReasoning(support)) expect(answer.reasoningStates).toEqual([])
  else if (wireOfDialect(cell) === wire) expect(answer.reasoningStates).toEqual(recorded.reasoningStates)
  else expect(answer.reasoningStates.length > 0).toBe(recorded.reasoningStates.length > 0)
  expect(answer.usage.output).toBeGreaterThan(0)
}

const lostReasoning = (support: Support) => (support.status === 'approximate' ? support.lostReasoning : undefined)

const wireOfDialect = (cell: Cell): Wire =>
  ({ 'openai-chat': 'openai-chat', 'openai-responses': 'openai-responses', 'anthropic-messages': 'anthropic', gemini: 'gemini' } as const)[cell.dialect]

/** The first upstream request carries what the client asked for, in the provider's own fields. */
export function expectFirstRequest(cell: Cell, sent: UpstreamView, request: ClientRequest) {
  const user = sent.turns.at(-1)!
  expect(user.role).toBe('user')
  expect(user.texts).toContain(request.prompt)
  expect(sent.tools).toEqual((request.tools ?? []).map((tool) => tool.name))
  if (cell.feature === 'image') expect(user.images).toEqual([request.image!])
  if (cell.feature === 'json-schema') expect(sent.schema).toEqual(request.schema!.schema)
  if (cell.feature === 'reasoning') expect(sent.reasoning).toBe(true)
}

/**
 * The second upstream request replays the first answer to the provider: its tool calls (same ids
 * where the wire format has ids, same names and arguments), each result paired with its call, and
 * the reasoning state the provider minted, byte for byte.
 */
export function expectReplayedTurn(wire: Wire, support: Support, sent: UpstreamView, answer: ClientAnswer, recorded: RecordedAnswer) {
  const index = sent.turns.findIndex((turn) => turn.role === 'assistant')
  expect(index).toBeGreaterThan(-1)
  const assistant = sent.turns[index]
  expect(assistant.toolCalls.map((call) => [call.name, call.arguments])).toEqual(recorded.toolCalls.map((call) => [call.name, call.arguments]))
  if (wire !== 'gemini') expect(assistant.toolCalls.map((call) => call.id)).toEqual(answer.toolCalls.map((call) => call.id))
  const lost = lostReasoning(support)
  if (!lost) expect(assistant.reasoningStates).toEqual(expect.arrayContaining(recorded.reasoningStates))
  else expect(assistant.reasoningStates).toEqual(lost.placeholder === undefined ? [] : [lost.placeholder])
  if (recorded.toolCalls.length === 0) return
  const results: UpstreamTurn['toolResults'] = sent.turns.slice(index + 1).flatMap((turn) => turn.toolResults)
  expect(results).toHaveLength(assistant.toolCalls.length)
  assistant.toolCalls.forEach((call, position) => {
    const result = results[position]
    expect(result.content).toContain(toolResultFor(answer.toolCalls[position], position))
    if (wire === 'gemini') expect(result.name).toBe(call.name)
    else expect(result.id).toBe(call.id)
  })
}

/** Exact cells report nothing; approximate ones name the param they mapped in `x-tollgate-warnings` when the gateway reports it. */
export function expectWarnings(support: Support, answers: ClientAnswer[]) {
  const warnings = answers.map((answer) => answer.headers.get('x-tollgate-warnings')).filter((value): value is string => value !== null)
  if (support.status === 'approximate' && support.warning) expect(warnings.join('; ')).toContain(`${support.warning}:`)
  else expect(warnings).toEqual([])
}

/** An unsupported cell is refused before any upstream call, with a 400 that names the param. */
export function expectRefused(answer: ClientAnswer, param: string) {
  expect(answer.status).toBe(400)
  expect(JSON.stringify(answer.error)).toContain(param)
}
