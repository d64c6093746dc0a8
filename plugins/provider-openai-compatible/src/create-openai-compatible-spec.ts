import type { ProviderSpecV1 } from '@tollgate/core'
import { convertOpenAIChatResponse, convertToOpenAIChatRequest, openaiResponsesFormat } from '@tollgate/provider-openai'
import { adaptCompatibleRequest } from './adapt-compatible-request'
import { convertCompatibleError } from './convert-compatible-error'
import { createCompatibleStreamConverter } from './create-compatible-stream-converter'
import { normalizeCompatibleResponse } from './normalize-compatible-message'
import type { OpenAICompatibleOptions } from './openai-compatible-options'
import { prepareCompatiblePassthroughBody } from './prepare-compatible-passthrough-body'

/**
 * A provider spec for an OpenAI-compatible service, assembled from the OpenAI Chat provider's
 * pure functions plus the service's data (base URL, env names, renames, drops). It speaks
 * `openai-chat`; the Responses API is added only when the service serves `/responses`. The fast
 * path (the client's body forwarded with the model id replaced) is offered unless the service
 * needs fields removed or takes no `stream_options` (removals must reach the warnings header), or
 * counts usage differently from OpenAI (the fast-path meter reads OpenAI's meaning).
 */
export function createOpenAICompatibleSpec(options: OpenAICompatibleOptions): ProviderSpecV1 {
  const name = options.name ?? options.id
  const adaptation = { name, drops: options.drops, supportsStreamUsage: options.supportsStreamUsage, supportsDeveloperRole: options.supportsDeveloperRole }
  const messageOptions = { reasoningHistory: options.reasoningHistory }
  const answers = { usageExcludesReasoning: options.usageExcludesReasoning }
  const fastPath = (options.drops ?? []).length === 0 && options.supportsStreamUsage !== false && !options.usageExcludesReasoning
  const env: ProviderSpecV1['env'] = {}
  if (options.apiKeyEnv) env.apiKey = options.apiKeyEnv
  if (options.baseURLEnv) env.baseURL = options.baseURLEnv

  const spec: ProviderSpecV1 = {
    specificationVersion: 'v1',
    id: options.id,
    name,
    wireFormat: 'openai-chat',
    defaultBaseURL: options.baseURL,
    env,
    auth: options.auth ?? { type: 'bearer' },
    endpoints: { chat: '/chat/completions' },
    models: options.models ?? [],
    passthroughHeaders: [],
    convertRequest: (request, context) => adaptCompatibleRequest(convertToOpenAIChatRequest(request, context, messageOptions), adaptation),
    convertResponse: (body, context) => convertOpenAIChatResponse(normalizeCompatibleResponse(body, answers), context),
    createStreamConverter: (context) => createCompatibleStreamConverter(context, answers),
    convertError: convertCompatibleError,
  }
  if (options.headers) spec.headers = options.headers
  if (options.modelPrefixes) spec.modelPrefixes = options.modelPrefixes
  if (options.renames) spec.renames = options.renames
  if (fastPath) spec.preparePassthroughBody = (body, context) => prepareCompatiblePassthroughBody(body, context, options)
  if (options.responses) spec.alternateFormats = [openaiResponsesFormat]
  return spec
}
