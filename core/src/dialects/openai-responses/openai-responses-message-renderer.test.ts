import { expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { createItemIds } from './build-openai-responses-object'
import { createOpenAIResponsesEventWriter } from './openai-responses-event-writer'
import { createOpenAIResponsesMessageRenderer } from './openai-responses-message-renderer'

test('text parts and a refusal share one message item, closed once with its whole content', () => {
  const writer = createOpenAIResponsesEventWriter()
  const message = createOpenAIResponsesMessageRenderer(writer, createItemIds('resp_x'))
  const text =
    message.textStart(0) + message.textDelta(0, 'Hi') + message.textDelta(7, 'ignored') + message.textEnd(0, undefined) + message.refusalDelta('No') + message.close() + message.close()
  const events = parseSse(text).map((event) => JSON.parse(event.data))
  expect(events.map((event) => event.type)).toEqual([
    'response.output_item.added',
    'response.content_part.added',
    'response.output_text.delta',
    'response.output_text.done',
    'response.content_part.done',
    'response.content_part.added',
    'response.refusal.delta',
    'response.refusal.done',
    'response.content_part.done',
    'response.output_item.done',
  ])
  expect(events.at(-1).item).toEqual({
    id: 'msg_x_0',
    type: 'message',
    status: 'completed',
    content: [{ type: 'output_text', annotations: [], text: 'Hi' }, { type: 'refusal', refusal: 'No' }],
    role: 'assistant',
  })
  expect(events[7]).toMatchObject({ item_id: 'msg_x_0', content_index: 1, refusal: 'No' })
})
