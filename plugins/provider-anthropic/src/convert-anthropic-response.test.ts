import { describe, expect, test } from 'bun:test'
import { anthropicMessagesDialect, createUsage, GatewayError } from '@tollgate/core'
import { fixtureNames, readJsonFixture } from '../test-support/read-fixture'
import { convertAnthropicResponse } from './convert-anthropic-response'

const context = { modelId: 'claude-sonnet-4-5' }
const messageFixtures = fixtureNames('*.response.json').filter((name) => !name.startsWith('error-'))

describe('convertAnthropicResponse', () => {
  test('thinking (non-stream): exact signature, text, usage; usage details kept in providerData', async () => {
    const body = await readJsonFixture('thinking.response.json')
    expect(convertAnthropicResponse(body, context)).toEqual({
      id: 'msg_01TGA8SWcHTTn5674cmicbnJ',
      model: 'claude-sonnet-4-5-20250929',
      created: expect.any(Number),
      content: [
        { type: 'reasoning', text: body.content[0].thinking, signature: body.content[0].signature, provider: 'anthropic' },
        { type: 'text', text: body.content[1].text },
      ],
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
      usage: createUsage({ noCache: 43, text: 321 }),
      providerData: {
        anthropic: { usage: { cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 }, inference_geo: 'not_available', service_tier: 'standard' } },
      },
    })
    expect(body.content[0].signature.startsWith('Eq8CCkYICxgCKkDdadQO')).toBe(true)
  })

  test('parallel tool use: four calls with their input as JSON text', async () => {
    const response = convertAnthropicResponse(await readJsonFixture('parallel-tool-use.response.json'), context)
    expect(response.finishReason).toBe('tool-calls')
    expect(response.content.slice(1)).toEqual(
      [
        ['toolu_0167cfEnoQaPviGdVXA95zcu', 'Alice'],
        ['toolu_01EEe2V5HD1Ac4rKiUR4HD2T', 'Bob'],
        ['toolu_01XFyAjstT3966qvRynZyVPo', 'Charlie'],
        ['toolu_013mnQZbgtK2oe3Mo3XKJsx3', 'Daisy'],
      ].map(([id, name]) => ({ type: 'tool-call', id, name: 'retrieve_entity_info', arguments: `{"name":"${name}"}` })),
    )
  })

  test('tool without arguments → "{}"; cache read and write usage', async () => {
    const noArgs = convertAnthropicResponse(await readJsonFixture('response-text-no-args-tool.response.json'), context)
    expect(noArgs.content[1]).toEqual({ type: 'tool-call', id: 'toolu_01LRmxn9vGM1d2DZSDBowdZ1', name: 'updateIssueList', arguments: '{}' })
    expect(convertAnthropicResponse(await readJsonFixture('cache-read-and-write.response.json'), context).usage).toEqual(createUsage({ noCache: 3, cacheRead: 1111, cacheWrite: 418, text: 33 }))
    expect(convertAnthropicResponse(await readJsonFixture('cache-read.response.json'), context).usage).toEqual(createUsage({ noCache: 3, cacheRead: 1111, text: 406 }))
  })

  test('json schema output: a text block holding JSON; stop_details kept', async () => {
    const response = convertAnthropicResponse(await readJsonFixture('json-schema-output.response.json'), context)
    expect(response.content).toEqual([{ type: 'text', text: '{"amount":12.34}' }])
    expect(response.providerData?.anthropic.stop_details).toBeNull()
  })

  test('an unreadable upstream message is a 502, not a client 400', () => {
    let error: unknown
    try {
      convertAnthropicResponse({ id: 'msg_1', content: [{ type: 'tool_use', id: 'x', name: 'y', input: 'nope' }] }, context)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(GatewayError)
    expect((error as GatewayError).toJSON()).toMatchObject({ status: 502, type: 'upstream_error', code: 'invalid_upstream_response' })
  })

  test(`same format through canonical: each of the ${messageFixtures.length} recorded messages renders back to itself`, async () => {
    expect(messageFixtures.length).toBe(11)
    for (const name of messageFixtures) {
      const body = await readJsonFixture(name)
      const rendered = anthropicMessagesDialect.renderResponse(convertAnthropicResponse(body, context), { model: body.model, requestId: 'r', includeUsage: false })
      expect({ name, rendered }).toEqual({ name, rendered: body })
    }
  })
})
