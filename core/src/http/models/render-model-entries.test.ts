import { expect, test } from 'bun:test'
import type { ListedModel } from '../../plugin/gateway-plugin'
import { renderAnthropicModel, renderGeminiModel, renderOpenAIModel } from './render-model-entries'

const sonnet: ListedModel = { id: 'anthropic/claude-sonnet-4-5', provider: 'anthropic', upstreamModel: 'claude-sonnet-4-5', info: { id: 'claude-sonnet-4-5', type: 'chat', contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: ['tools', 'vision'] } }
const embed: ListedModel = { id: 'fast-embed', provider: 'openai', upstreamModel: 'text-embedding-3-small', info: { id: 'text-embedding-3-small', type: 'embedding', contextWindow: 8_191 }, aliasOf: 'openai/text-embedding-3-small' }

test('OpenAI shape with the gateway’s fields; pricing null until a plugin describes it', () => {
  expect(renderOpenAIModel(sonnet, {})).toEqual({
    id: 'anthropic/claude-sonnet-4-5',
    object: 'model',
    created: 0,
    owned_by: 'anthropic',
    provider: 'anthropic',
    type: 'chat',
    context_window: 200_000,
    max_output_tokens: 64_000,
    capabilities: ['tools', 'vision'],
    pricing: null,
  })
  expect(renderOpenAIModel(embed, { pricing: { input: 0.02 } })).toMatchObject({ id: 'fast-embed', type: 'embedding', max_output_tokens: null, capabilities: [], alias_of: 'openai/text-embedding-3-small', pricing: { input: 0.02 } })
})

test('Anthropic and Google shapes', () => {
  expect(renderAnthropicModel(sonnet)).toEqual({ type: 'model', id: 'anthropic/claude-sonnet-4-5', display_name: 'anthropic/claude-sonnet-4-5', created_at: '1970-01-01T00:00:00Z' })
  expect(renderGeminiModel(sonnet)).toEqual({
    name: 'models/anthropic/claude-sonnet-4-5',
    displayName: 'anthropic/claude-sonnet-4-5',
    inputTokenLimit: 200_000,
    outputTokenLimit: 64_000,
    supportedGenerationMethods: ['generateContent', 'streamGenerateContent', 'countTokens'],
  })
  expect(renderGeminiModel(embed)).toEqual({ name: 'models/fast-embed', displayName: 'fast-embed', inputTokenLimit: 8_191, supportedGenerationMethods: ['embedContent', 'batchEmbedContents'] })
})
