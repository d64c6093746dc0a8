import type { ListedModel, ModelDescription } from '../../plugin/gateway-plugin'

const GENERATION_METHODS = ['generateContent', 'streamGenerateContent', 'countTokens']
const EMBEDDING_METHODS = ['embedContent', 'batchEmbedContents']

/** The catalogue has no release dates: lists show the Unix epoch. */
const CREATED = 0

/**
 * OpenAI's model object plus what a gateway client needs to choose: provider, type, limits,
 * capabilities and `pricing` (null until a plugin such as billing describes it), `alias_of` for
 * config aliases, then whatever plugins add (`describeModel`).
 */
export function renderOpenAIModel(model: ListedModel, description: ModelDescription) {
  return {
    id: model.id,
    object: 'model' as const,
    created: CREATED,
    owned_by: model.provider,
    provider: model.provider,
    type: model.info.type ?? 'chat',
    context_window: model.info.contextWindow ?? null,
    max_output_tokens: model.info.maxOutputTokens ?? null,
    capabilities: model.info.capabilities ?? [],
    pricing: null,
    ...(model.aliasOf && { alias_of: model.aliasOf }),
    ...description,
  }
}

/** Anthropic's model object (`GET /v1/models` with `anthropic-version`). */
export function renderAnthropicModel(model: ListedModel) {
  return { type: 'model' as const, id: model.id, display_name: model.id, created_at: new Date(CREATED).toISOString().replace('.000Z', 'Z') }
}

/** Google's `Model` (`GET /v1beta/models`): `models/<id>`, token limits, the methods the gateway serves for it. */
export function renderGeminiModel(model: ListedModel) {
  const entry: Record<string, unknown> = { name: `models/${model.id}`, displayName: model.id }
  if (model.info.contextWindow !== undefined) entry.inputTokenLimit = model.info.contextWindow
  if (model.info.maxOutputTokens !== undefined) entry.outputTokenLimit = model.info.maxOutputTokens
  entry.supportedGenerationMethods = model.info.type === 'embedding' ? EMBEDDING_METHODS : GENERATION_METHODS
  return entry
}
