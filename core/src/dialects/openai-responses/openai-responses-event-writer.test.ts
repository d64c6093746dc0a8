import { expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { createOpenAIResponsesEventWriter } from './openai-responses-event-writer'

test('events are named after their type and numbered from 0; items fill their slot when done, in output order', () => {
  const writer = createOpenAIResponsesEventWriter()
  const first = writer.add({ type: 'reasoning', id: 'rs_1', summary: [] })
  const second = writer.add({ type: 'function_call', id: 'fc_1' })
  const text = first.out + second.out + writer.delta('response.function_call_arguments.delta', writer.head('fc_1', 1), '{"a"') + writer.done(1, { type: 'function_call', id: 'fc_1', arguments: '{}' })
  expect([first.outputIndex, second.outputIndex, writer.nextIndex()]).toEqual([0, 1, 2])
  expect(parseSse(text).map((event) => [event.event, JSON.parse(event.data)])).toEqual([
    ['response.output_item.added', { type: 'response.output_item.added', output_index: 0, item: { type: 'reasoning', id: 'rs_1', summary: [] }, sequence_number: 0 }],
    ['response.output_item.added', { type: 'response.output_item.added', output_index: 1, item: { type: 'function_call', id: 'fc_1' }, sequence_number: 1 }],
    ['response.function_call_arguments.delta', { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: '{"a"', sequence_number: 2 }],
    ['response.output_item.done', { type: 'response.output_item.done', output_index: 1, item: { type: 'function_call', id: 'fc_1', arguments: '{}' }, sequence_number: 3 }],
  ])
  expect(writer.finished()).toEqual([{ type: 'function_call', id: 'fc_1', arguments: '{}' }])
})
