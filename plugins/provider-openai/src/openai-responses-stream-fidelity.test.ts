import { describe, expect, test } from 'bun:test'
import { openAIResponsesDialect, parseSse } from '@tollgate/core'
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator'
import { readResponsesFixture, readResponsesJsonFixture, responsesFixtureNames } from '../test-support/read-responses-fixture'
import { convertOpenAIResponsesResponse } from './convert-openai-responses-response'
import { createOpenAIResponsesStreamConverter } from './openai-responses-stream-converter'

const streams = responsesFixtureNames('*.sse')
const renderContext = (model: string) => ({ model, requestId: 'req_1', includeUsage: false, options: openAIResponsesDialect.readTarget!({}, { url: '', params: {} }).options })

/** Upstream Responses SSE → provider converter → canonical → Responses dialect renderer → SSE. */
function throughCanonical(sse: string, model: string) {
  const converter = createOpenAIResponsesStreamConverter({ modelId: model })
  const renderer = openAIResponsesDialect.createStreamRenderer(renderContext(model))
  return [...parseSse(sse).flatMap((event) => converter.event(event)), ...converter.end()].map((event) => renderer.render(event)).join('')
}

/**
 * What a client keeps (Codex CLI stores the items of output_item.done and reads the terminal
 * response), minus what the canonical form does not carry (documented): message item ids are the
 * gateway's, `logprobs` and `phase` are dropped.
 */
function clientView(sse: string) {
  const events = parseSse(sse).map((event) => JSON.parse(event.data))
  const items = events
    .filter((event) => event.type === 'response.output_item.done')
    .map(({ item }) => {
      if (item.type !== 'message') return item
      const { id: _id, phase: _phase, ...message } = item
      return { ...message, content: message.content.map(({ logprobs: _logprobs, ...part }: Record<string, unknown>) => part) }
    })
  const terminal = events.at(-1)
  const { id, status, usage, error, incomplete_details } = terminal.response ?? {}
  return { items, terminal: terminal.type, id, status, usage, error: error && { code: error.code, message: error.message }, incomplete_details }
}

describe('same format through canonical (streams)', () => {
  test(`a client of each of the ${streams.length} recorded streams ends up with the same items, status and usage`, async () => {
    expect(streams.length).toBe(10)
    for (const name of streams) {
      const upstream = await readResponsesFixture(name)
      const model = JSON.parse(parseSse(upstream)[0].data).response.model
      expect({ name, view: clientView(throughCanonical(upstream, model)) }).toEqual({ name, view: clientView(upstream) })
    }
  })

  test('the official SDK accumulates every re-rendered stream without complaint, to the same output text', async () => {
    for (const name of streams) {
      const upstream = await readResponsesFixture(name)
      const fold = (sse: string) => parseSse(sse).reduce((snapshot: any, event) => accumulateResponse(JSON.parse(event.data), snapshot), undefined)
      const [theirs, ours] = [fold(upstream), fold(throughCanonical(upstream, 'gpt-5'))]
      expect({ name, status: ours.status, text: ours.output_text }).toEqual({ name, status: theirs.status, text: theirs.output_text })
    }
  })

  test('event by event, a text stream matches the upstream event types (stream-text)', async () => {
    const upstream = await readResponsesFixture('stream-text.sse')
    expect(parseSse(throughCanonical(upstream, 'gpt-5.5')).map((event) => event.event)).toEqual(parseSse(upstream).map((event) => event.event))
  })

  test('the mid-stream failure reaches the client as `error` then response.failed (stream-error-insufficient-quota)', async () => {
    const rendered = parseSse(throughCanonical(await readResponsesFixture('stream-error-insufficient-quota.sse'), 'gpt-5-nano'))
    expect(rendered.map((event) => event.event)).toEqual(['response.created', 'response.in_progress', 'error', 'response.failed'])
  })
})

describe('same format through canonical (JSON)', () => {
  test.each(['reasoning-summary.response.json', 'function-call.response.json', 'response-reasoning-encrypted-content.response.json', 'structured-output-json-schema.response.json'])(
    '%s: same output items (message ids and logprobs aside), status and usage',
    async (name) => {
      const recorded = await readResponsesJsonFixture(name)
      const rendered = openAIResponsesDialect.renderResponse(convertOpenAIResponsesResponse(recorded, { modelId: recorded.model }), renderContext(recorded.model)) as any
      const normalize = (items: any[]) => items.map((item) => (item.type === 'message' ? { ...item, id: 'msg', content: item.content.map(({ logprobs: _, ...part }: any) => part) } : item))
      expect(normalize(rendered.output)).toEqual(normalize(recorded.output))
      expect([rendered.id, rendered.status, rendered.usage, rendered.incomplete_details]).toEqual([recorded.id, recorded.status, recorded.usage, recorded.incomplete_details])
    },
  )
})
