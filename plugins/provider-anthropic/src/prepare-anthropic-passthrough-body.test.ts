import { describe, expect, test } from 'bun:test'
import { readJsonFixture } from '../test-support/read-fixture'
import { anthropicModels } from './anthropic-models'
import { prepareAnthropicPassthroughBody } from './prepare-anthropic-passthrough-body'

const sonnet = { modelId: 'claude-sonnet-4-5', model: anthropicModels.find((model) => model.id === 'claude-sonnet-4-5') }

describe('prepareAnthropicPassthroughBody', () => {
  test('sets the routed model and nothing else; the client body is not mutated', async () => {
    const body = await readJsonFixture('stream-web-search-citations.request.json')
    const original = structuredClone(body)
    const prepared = prepareAnthropicPassthroughBody({ ...body, model: 'anthropic/claude-sonnet-4-5', betas_unknown: { x: 1 } }, sonnet)
    expect(prepared).toEqual({ ...original, model: 'claude-sonnet-4-5', betas_unknown: { x: 1 } })
    expect(body).toEqual(original)
  })

  test('fills a missing max_tokens from the catalogue (4096 for unknown models)', () => {
    const body = { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }] }
    expect(prepareAnthropicPassthroughBody(body, sonnet).max_tokens).toBe(8192)
    expect(prepareAnthropicPassthroughBody(body, { modelId: 'claude-new' }).max_tokens).toBe(4096)
    expect(prepareAnthropicPassthroughBody({ ...body, max_tokens: 10 }, sonnet).max_tokens).toBe(10)
  })
})
