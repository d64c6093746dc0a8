import { Type, type TSchema } from '@sinclair/typebox'
import type { Elysia } from 'elysia'
import { GeminiErrorSchema } from '../../dialects/gemini/gemini-schema'
import { GeminiListModelsResponseSchema, GeminiModelSchema } from '../../dialects/gemini/gemini-operation-schemas'
import { GatewayError } from '../../errors/gateway-error'
import type { Admission, InferenceRuntime } from '../../pipeline/handle-inference'
import type { GatewayPlugin } from '../../plugin/gateway-plugin'
import { toListResponse } from '../../storage/pagination'
import { ErrorEnvelopeSchema } from '../documented-responses'
import { collectModels, describeModel, findModel, visibleModels } from './collect-models'
import { AnthropicModelListSchema, AnthropicModelSchema, ModelListQuerySchema, OpenAIModelListSchema, OpenAIModelSchema } from './model-list-schemas'
import { modelListFamily, type ModelListFamily } from './model-list-family'
import { paginateModels } from './paginate-models'
import { readModelListQuery } from './read-model-list-query'
import { renderAnthropicModel, renderGeminiModel, renderOpenAIModel } from './render-model-entries'

interface ModelRoutesOptions {
  runtime: InferenceRuntime
  plugins: GatewayPlugin[]
  admissions: WeakMap<Request, Admission>
  security: Array<Record<string, string[]>>
}

const json = (schema: TSchema) => ({ 'application/json': { schema } })
const errors = (schema: TSchema) => ({
  400: { description: 'Invalid query (the `param` names it): unknown provider, type or cursor', content: json(schema) },
  401: { description: 'Missing or invalid API key', content: json(schema) },
  403: { description: 'The key lacks the `models:read` scope', content: json(schema) },
})

const modelParameter = { name: 'model', in: 'path', required: true, schema: { type: 'string' }, description: '`provider/model`, an alias or a bare catalogue id; percent-encode the slash or not' }
const retrieveDoc = (security: ModelRoutesOptions['security'], summary: string, ok: TSchema, error: TSchema) => ({
  get: { summary, tags: ['Models'], security, parameters: [modelParameter], responses: { 200: { description: 'The model', content: json(ok) }, ...errors(error), 404: { description: 'Unknown model, or not available to this key', content: json(error) } } },
})

/** OpenAPI paths of the wildcard model routes (the static list routes document themselves). */
export function documentModelRoutes(security: ModelRoutesOptions['security']) {
  return {
    '/v1/models/{model}': retrieveDoc(security, 'Retrieve a model (OpenAI shape; Anthropic with `anthropic-version`; Google with `x-goog-api-key`)', Type.Union([OpenAIModelSchema, AnthropicModelSchema, GeminiModelSchema]), ErrorEnvelopeSchema),
    '/v1beta/models/{model}': retrieveDoc(security, 'Retrieve a model (Gemini API shape)', GeminiModelSchema, GeminiErrorSchema),
  }
}

/**
 * `GET /v1/models`, `GET /v1/models/{model}` and Google's `GET /v1beta/models[/{model}]`: the models
 * the caller's key may use (`models:read` scope, model allowlist), in the shape of the client that
 * asks (OpenAI by default, Anthropic with `anthropic-version`, Google with `x-goog-api-key`). Ids may
 * hold a slash (`anthropic/claude-sonnet-4-5`), percent-encoded or not.
 */
export function mountModelRoutes(app: Elysia<any, any, any, any, any, any, any>, options: ModelRoutesOptions) {
  const { runtime, plugins } = options
  const providers = runtime.catalog.providers.map((provider) => provider.id)
  const visible = (request: Request) => visibleModels(collectModels(runtime.catalog), options.admissions.get(request)?.context.principal)

  function list(request: Request, query: Record<string, string | undefined>, family: ModelListFamily) {
    const { provider, type, page } = readModelListQuery(query, family, providers)
    const models = visible(request).filter((model) => (!provider || model.provider === provider) && (!type || (model.info.type ?? 'chat') === type))
    const result = paginateModels(models, page)
    if (family === 'gemini') return { models: result.data.map(renderGeminiModel), ...(result.hasMore && { nextPageToken: result.data.at(-1)!.id }) }
    if (family === 'anthropic') {
      const data = result.data.map(renderAnthropicModel)
      return { data, has_more: result.hasMore, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }
    }
    return toListResponse(result, (model) => renderOpenAIModel(model, describeModel(model, plugins, runtime.logger)))
  }

  function retrieve(request: Request, params: Record<string, string>, family: ModelListFamily) {
    let name: string
    try {
      name = decodeURIComponent(params['*'] ?? '')
    } catch {
      throw new GatewayError({ status: 400, param: 'model', message: 'The model name in the URL is not valid percent-encoding' })
    }
    // Google names resources `models/<id>`.
    if (family === 'gemini') name = name.replace(/^models\//, '')
    const model = findModel(visible(request), name, runtime.catalog)
    if (family === 'gemini') return renderGeminiModel(model)
    if (family === 'anthropic') return renderAnthropicModel(model)
    return renderOpenAIModel(model, describeModel(model, plugins, runtime.logger))
  }

  const listDetail = (summary: string, ok: TSchema, error: TSchema) => ({ summary, tags: ['Models'], security: options.security, responses: { 200: { description: 'The models', content: json(ok) }, ...errors(error) } as never })
  app
    .get('/v1/models', ({ request, query }) => list(request, query, modelListFamily(request.headers)), {
      query: ModelListQuerySchema,
      detail: listDetail('List the models this key may use (OpenAI shape; Anthropic with `anthropic-version`; Google with `x-goog-api-key`); filters `provider`, `type`', Type.Union([OpenAIModelListSchema, AnthropicModelListSchema, GeminiListModelsResponseSchema]), ErrorEnvelopeSchema),
    })
    .get('/v1/models/*', ({ request, params }) => retrieve(request, params as Record<string, string>, modelListFamily(request.headers)), { detail: { hide: true } })
    .get('/v1beta/models', ({ request, query }) => list(request, query, 'gemini'), {
      query: ModelListQuerySchema,
      detail: listDetail('List the models this key may use (Gemini API shape)', GeminiListModelsResponseSchema, GeminiErrorSchema),
    })
    .get('/v1beta/models/*', ({ request, params }) => retrieve(request, params as Record<string, string>, 'gemini'), { detail: { hide: true } })

}
