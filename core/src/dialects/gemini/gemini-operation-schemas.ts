import { Type, type TObject, type TProperties } from '@sinclair/typebox'

/** Open objects, as in gemini-schema.ts: unknown fields reach Gemini upstreams; snake_case names are accepted. */
const open = <T extends TProperties>(properties: T, description?: string): TObject<T> =>
  Type.Object(properties, { additionalProperties: true, ...(description && { description }) })

const textContent = open({ parts: Type.Array(open({ text: Type.String() }), { minItems: 1 }) }, 'Content with text parts')
const embedFields = {
  model: Type.Optional(Type.String({ description: '`models/{model}`; the URL names the model' })),
  content: textContent,
  taskType: Type.Optional(Type.String({ examples: ['RETRIEVAL_QUERY', 'RETRIEVAL_DOCUMENT', 'SEMANTIC_SIMILARITY'] })),
  title: Type.Optional(Type.String({ description: 'Document title (RETRIEVAL_DOCUMENT)' })),
  outputDimensionality: Type.Optional(Type.Integer({ minimum: 1 })),
}

/** `POST /v1beta/models/{model}:embedContent` */
export const GeminiEmbedContentRequestSchema = open(embedFields, 'Gemini EmbedContentRequest')

/** `POST /v1beta/models/{model}:batchEmbedContents` */
export const GeminiBatchEmbedContentsRequestSchema = open({ requests: Type.Array(open(embedFields), { minItems: 1 }) }, 'Gemini BatchEmbedContentsRequest')

const embedding = open({ values: Type.Array(Type.Number()) })
export const GeminiEmbedContentResponseSchema = open({ embedding }, 'Gemini EmbedContentResponse')
export const GeminiBatchEmbedContentsResponseSchema = open({ embeddings: Type.Array(embedding) }, 'Gemini BatchEmbedContentsResponse')

/** `POST /v1beta/models/{model}:countTokens`: `contents`, or a whole `generateContentRequest`. */
export const GeminiCountTokensRequestSchema = open(
  {
    contents: Type.Optional(Type.Array(open({}))),
    generateContentRequest: Type.Optional(open({ contents: Type.Array(open({})) }, 'A GenerateContentRequest (its model, if any, is ignored: the URL names it)')),
  },
  'Gemini CountTokensRequest',
)
export const GeminiCountTokensResponseSchema = open({ totalTokens: Type.Integer(), cachedContentTokenCount: Type.Optional(Type.Integer()) }, 'Gemini CountTokensResponse')

const modelFields = {
  name: Type.String({ examples: ['models/gemini-2.5-flash', 'models/anthropic/claude-sonnet-4-5'] }),
  baseModelId: Type.Optional(Type.String()),
  version: Type.String(),
  displayName: Type.String(),
  description: Type.Optional(Type.String()),
  inputTokenLimit: Type.Optional(Type.Integer()),
  outputTokenLimit: Type.Optional(Type.Integer()),
  supportedGenerationMethods: Type.Array(Type.String()),
}
/** `GET /v1beta/models/{model}` */
export const GeminiModelSchema = open(modelFields, 'Gemini Model')
/** `GET /v1beta/models` */
export const GeminiListModelsResponseSchema = open({ models: Type.Array(open(modelFields)), nextPageToken: Type.Optional(Type.String()) }, 'Gemini ListModelsResponse')
