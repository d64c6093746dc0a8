import type { ConversionContext, ModelInfo, ProviderSpecV1, WireFormatSpec } from '@tollgate/core'
import {
  convertOpenAIChatResponse,
  convertToOpenAIChatRequest,
  createOpenAIChatStreamConverter,
  openaiModels,
  openaiResponsesFormat,
  prepareOpenAIChatPassthroughBody,
} from '@tollgate/provider-openai'
import { convertAzureOpenAIError } from './convert-azure-openai-error'

/** The latest GA data-plane version of Azure OpenAI's deployment URLs. */
export const AZURE_OPENAI_DEFAULT_API_VERSION = '2024-10-21'

export interface AzureOpenAISpecSettings {
  /** @default 'azure' */
  id?: string
  /** `https://{resource}.openai.azure.com/openai` (no `/v1`). */
  baseURL: string
  /** A dated version (`2024-10-21`) for deployment URLs, or `v1` for the v1 API (`/openai/v1/...`, no api-version). */
  apiVersion: string
  /** Model name -> deployment name; a model not listed is its own deployment name. */
  deployments?: Record<string, string>
  /** Extra catalogue entries. */
  models?: ModelInfo[]
}

/** The deployed models, with OpenAI's catalogue data where the name is an OpenAI model id. */
function azureModels(settings: AzureOpenAISpecSettings): ModelInfo[] {
  const known = new Map(openaiModels.map((model) => [model.id, model]))
  const deployed = Object.keys(settings.deployments ?? {}).map((id) => known.get(id) ?? { id, type: 'chat' as const })
  return [...deployed, ...(settings.models ?? [])]
}

/**
 * Azure OpenAI: OpenAI Chat on per-deployment URLs
 * (`/deployments/{deployment}/chat/completions?api-version=...`) with the `api-key` header, or the
 * v1 API (`/v1/chat/completions`, the deployment as `model`; `/v1/responses` for Responses clients).
 * The model a client names is mapped to its deployment, in the path and in the body.
 */
export function createAzureOpenAISpec(settings: AzureOpenAISpecSettings): ProviderSpecV1 {
  const v1 = settings.apiVersion === 'v1'
  const deploymentOf = (modelId: string) => settings.deployments?.[modelId] ?? modelId
  const onDeployment = (context: ConversionContext): ConversionContext => ({ ...context, modelId: deploymentOf(context.modelId) })
  const query = `?api-version=${encodeURIComponent(settings.apiVersion)}`
  const chatPath = (context: ConversionContext) => (v1 ? '/v1/chat/completions' : `/deployments/${encodeURIComponent(deploymentOf(context.modelId))}/chat/completions${query}`)

  const spec: ProviderSpecV1 = {
    specificationVersion: 'v1',
    id: settings.id ?? 'azure',
    name: 'Azure OpenAI',
    wireFormat: 'openai-chat',
    defaultBaseURL: settings.baseURL,
    env: { apiKey: 'AZURE_OPENAI_API_KEY' },
    auth: { type: 'header', name: 'api-key' },
    endpoints: { chat: v1 ? '/v1/chat/completions' : '/deployments/{deployment}/chat/completions' },
    models: azureModels(settings),
    passthroughHeaders: [],
    convertRequest: (request, context) => ({ ...convertToOpenAIChatRequest(request, onDeployment(context)), path: chatPath(context) }),
    convertResponse: convertOpenAIChatResponse,
    createStreamConverter: createOpenAIChatStreamConverter,
    convertError: convertAzureOpenAIError,
    preparePassthroughBody: (body, context) => prepareOpenAIChatPassthroughBody(body, onDeployment(context)),
    passthroughPath: chatPath,
  }
  if (v1) {
    const responses: WireFormatSpec = {
      ...openaiResponsesFormat,
      endpoints: { chat: '/v1/responses' },
      convertRequest: (request, context) => openaiResponsesFormat.convertRequest(request, onDeployment(context)),
      preparePassthroughBody: (body, context) => openaiResponsesFormat.preparePassthroughBody!(body, onDeployment(context)),
    }
    spec.alternateFormats = [responses]
  }
  return spec
}
