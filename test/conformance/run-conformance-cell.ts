import { expect } from 'bun:test'
import { createTestGateway } from '../helpers/create-test-gateway'
import { anthropicMessagesDriver } from './anthropic-messages-driver'
import type { ClientAnswer, ClientDriver, ClientRequest, TestGateway } from './client-driver'
import { expectClientAnswer, expectFirstRequest, expectRefused, expectReplayedTurn, expectWarnings, toolResultFor } from './conformance-assertions'
import { supportOf, type Cell, type InboundDialect, type ProviderId } from './conformance-cases'
import { geminiDriver } from './gemini-driver'
import { openAIChatDriver } from './openai-chat-driver'
import { openAIResponsesDriver } from './openai-responses-driver'
import { readRecordedAnswer } from './recorded-answer'
import { expectedUpstreamURL, readUpstreamRequest } from './read-upstream-request'
import { asReply, readRecordingFile, recordings, testImage, wireFor } from './upstream-recordings'

const drivers: Record<InboundDialect, ClientDriver> = {
  'openai-chat': openAIChatDriver,
  'openai-responses': openAIResponsesDriver,
  'anthropic-messages': anthropicMessagesDriver,
  gemini: geminiDriver,
}

const upstreamOf = (gateway: TestGateway, provider: ProviderId) =>
  ({ openai: gateway.openaiUpstream, anthropic: gateway.anthropicUpstream, gemini: gateway.geminiUpstream })[provider]

/**
 * One cell of the matrix: a fresh gateway whose provider replays the cell's recordings, the
 * client of the cell's dialect through its SDK, then the assertions on what the client saw and
 * on what the provider received, on both turns.
 */
export async function runConformanceCell(cell: Cell): Promise<void> {
  const support = supportOf(cell)
  const wire = wireFor(cell.dialect, cell.provider)
  const recording = recordings[wire][cell.feature][cell.mode]
  const stream = cell.mode === 'stream'
  const gateway = createTestGateway()
  const upstream = upstreamOf(gateway, cell.provider)
  const bodies = await Promise.all(recording.turns.map((file) => readRecordingFile(wire, file)))
  upstream.reply(...recording.turns.map((file, index) => asReply(file, bodies[index])))
  const recorded = bodies.map((body) => readRecordedAnswer(wire, body, stream))

  const request: ClientRequest = {
    model: recording.model,
    stream,
    prompt: recording.prompt,
    tools: recording.tools,
    schema: recording.schema,
    image: cell.feature === 'image' ? testImage : undefined,
    reasoning: cell.feature === 'reasoning',
  }
  const conversation = await drivers[cell.dialect].start(gateway, request)
  if (support.status === 'unsupported') {
    expectRefused(conversation.answer, support.param)
    expect(upstream.requests).toHaveLength(0)
    return
  }

  const answers: ClientAnswer[] = [conversation.answer]
  expectClientAnswer(cell, support, conversation.answer, recorded[0], wire)
  const first = readUpstreamRequest(wire, upstream.requests[0])
  expect([first.url, first.stream]).toEqual([expectedUpstreamURL(wire, recording.model, stream), stream])
  expectFirstRequest(cell, first, request)

  if (recording.turns.length === 2) {
    const calls = conversation.answer.toolCalls
    const second = await conversation.next(calls.length > 0 ? { result: toolResultFor } : { followUp: 'And then?' })
    answers.push(second)
    expectClientAnswer(cell, support, second, recorded[1], wire)
    expect(upstream.requests).toHaveLength(2)
    expectReplayedTurn(wire, support, readUpstreamRequest(wire, upstream.requests[1]), conversation.answer, recorded[0])
  }
  expectWarnings(support, answers)
  const finishes = await gateway.waitForFinishes(answers.length)
  expect(finishes.map((finish) => finish.info.outcome)).toEqual(answers.map(() => 'ok'))
}
