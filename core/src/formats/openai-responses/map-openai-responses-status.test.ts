import { expect, test } from 'bun:test'
import type { FinishReason } from '../../canonical/response'
import { mapOpenAIResponsesFinishReason, mapToOpenAIResponsesStatus, rawOpenAIResponsesFinishReason } from './map-openai-responses-status'

test('status + incomplete_details -> canonical finish reason', () => {
  const cases: Array<[Parameters<typeof mapOpenAIResponsesFinishReason>[0], boolean, FinishReason]> = [
    [{ status: 'completed', incomplete_details: null }, false, 'stop'],
    [{ status: 'completed' }, true, 'tool-calls'],
    [{ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }, true, 'length'],
    [{ status: 'incomplete', incomplete_details: { reason: 'content_filter' } }, false, 'content-filter'],
    [{ status: 'incomplete', incomplete_details: { reason: 'max_messages' } }, false, 'other'],
    [{ status: 'failed' }, false, 'error'],
    [{ status: 'cancelled' }, false, 'other'],
    [{}, false, 'other'],
  ]
  expect(cases.map(([response, toolCalls]) => mapOpenAIResponsesFinishReason(response, toolCalls))).toEqual(cases.map(([, , reason]) => reason))
})

test('raw finish reason: the incomplete reason, else the status', () => {
  expect(rawOpenAIResponsesFinishReason({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } })).toBe('max_output_tokens')
  expect(rawOpenAIResponsesFinishReason({ status: 'completed', incomplete_details: null })).toBe('completed')
  expect(rawOpenAIResponsesFinishReason({})).toBeUndefined()
})

test('canonical finish reason -> status and incomplete_details', () => {
  const reasons: FinishReason[] = ['stop', 'stop-sequence', 'length', 'tool-calls', 'content-filter', 'refusal', 'pause', 'error', 'other']
  expect(reasons.map(mapToOpenAIResponsesStatus)).toEqual([
    { status: 'completed', incompleteDetails: null },
    { status: 'completed', incompleteDetails: null },
    { status: 'incomplete', incompleteDetails: { reason: 'max_output_tokens' } },
    { status: 'completed', incompleteDetails: null },
    { status: 'incomplete', incompleteDetails: { reason: 'content_filter' } },
    { status: 'completed', incompleteDetails: null },
    { status: 'completed', incompleteDetails: null },
    { status: 'failed', incompleteDetails: null },
    { status: 'completed', incompleteDetails: null },
  ])
})
