import { describe, expect, test } from 'bun:test'
import { anthropicMessagesDialect, parseSse } from '@tollgate/core'
import { accumulateAnthropicEvents } from '../test-support/accumulate-anthropic-events'
import { fixtureNames, readFixture } from '../test-support/read-fixture'
import { createAnthropicStreamConverter } from './anthropic-stream-converter'

const streams = fixtureNames('*.sse')

/** Upstream Anthropic SSE → provider converter → canonical → Anthropic dialect renderer → SSE. */
function throughCanonical(sse: string, model: string) {
  const converter = createAnthropicStreamConverter({ modelId: model })
  const renderer = anthropicMessagesDialect.createStreamRenderer({ model, requestId: 'r', includeUsage: false })
  const events = [...parseSse(sse).flatMap((event) => converter.event(event)), ...converter.end()]
  return events.map((event) => renderer.render(event)).join('')
}

/** What a client keeps, minus what the canonical form does not carry in streams (documented). */
function clientView(sse: string) {
  const { message, error } = accumulateAnthropicEvents(sse)
  if (!message) return { error: { type: (error as any).type, message: (error as any).message } }
  const { input_tokens, cache_creation_input_tokens, cache_read_input_tokens, output_tokens } = message.usage
  return {
    id: message.id,
    model: message.model,
    content: message.content,
    stop_reason: message.stop_reason,
    stop_sequence: message.stop_sequence,
    usage: { input_tokens, cache_creation_input_tokens, cache_read_input_tokens, output_tokens },
    stopped: message.stopped,
  }
}

describe('same format through canonical (streams)', () => {
  test(`a client of each of the ${streams.length} recorded streams ends up with the same message`, async () => {
    expect(streams.length).toBe(18)
    for (const name of streams) {
      // Some recordings lack the final blank line, and an SSE event without it is never dispatched.
      const upstream = (await readFixture(name)).trimEnd() + '\n\n'
      const model = accumulateAnthropicEvents(upstream).message?.model ?? 'claude'
      expect({ name, view: clientView(throughCanonical(upstream, model)) }).toEqual({ name, view: clientView(upstream) })
    }
  })

  test('event by event, a text stream matches the upstream (modulo JSON padding, ping position, extra message fields)', async () => {
    const upstream = await readFixture('stream-text.sse')
    const parse = (sse: string) => parseSse(sse).map((event) => ({ event: event.event, data: JSON.parse(event.data) }))
    const rendered = parse(throughCanonical(upstream, 'claude-haiku-4-5-20251001'))
    expect(rendered[1]).toEqual({ event: 'ping', data: { type: 'ping' } }) // ours comes right after message_start
    const recorded = parse(upstream).filter((event) => event.event !== 'ping')
    const { message } = recorded[0].data
    recorded[0].data.message = { id: message.id, type: 'message', role: 'assistant', model: message.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 2 } }
    delete recorded[4].data.delta.stop_details
    expect(rendered.filter((event) => event.event !== 'ping')).toEqual(recorded)
  })

  test('the mid-stream error is the last event the client sees', async () => {
    const text = await readFixture('stream-text.sse')
    const cut = text.slice(0, text.indexOf('event: content_block_stop')) + (await readFixture('stream-error-overloaded-midstream.sse'))
    const rendered = parseSse(throughCanonical(cut, 'claude-haiku-4-5'))
    expect(rendered.map((event) => event.event)).toEqual(['message_start', 'ping', 'content_block_start', 'content_block_delta', 'error'])
    expect(JSON.parse(rendered.at(-1)!.data)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })
  })
})
