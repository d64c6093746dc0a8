import type { TSchema } from '@sinclair/typebox'
import { geminiDialect } from '../dialects/gemini'
import { geminiCountTokensDialect } from '../dialects/gemini/gemini-count-tokens'
import { geminiEmbeddingsDialect } from '../dialects/gemini/gemini-embeddings'
import { GeminiBatchEmbedContentsRequestSchema, GeminiCountTokensRequestSchema, GeminiEmbedContentRequestSchema } from '../dialects/gemini/gemini-operation-schemas'
import { GeminiGenerateContentRequestSchema } from '../dialects/gemini/gemini-schema'
import { readGeminiMethod, type GeminiMethod } from '../dialects/gemini/read-gemini-target'
import { handleCountTokens } from '../pipeline/handle-count-tokens'
import { handleEmbeddings } from '../pipeline/handle-embeddings'
import { failure, handleInference, type Admission, type InferenceRuntime } from '../pipeline/handle-inference'
import { validateBody } from './validate-body'

const BODIES: Record<GeminiMethod, TSchema> = {
  generateContent: GeminiGenerateContentRequestSchema,
  streamGenerateContent: GeminiGenerateContentRequestSchema,
  countTokens: GeminiCountTokensRequestSchema,
  embedContent: GeminiEmbedContentRequestSchema,
  batchEmbedContents: GeminiBatchEmbedContentsRequestSchema,
}

/**
 * `POST /v1beta/models/{model}:{method}` (and the same under `/v1`): one wildcard route, so the
 * method picks the body schema and the pipeline — generation (chat), `:countTokens`, or
 * `:embedContent` / `:batchEmbedContents` (embeddings). Errors answer in Google's shape.
 */
export async function handleGeminiModelRoute(runtime: InferenceRuntime, admission: Admission, request: Request, body: Record<string, unknown>, params: Record<string, string>): Promise<Response> {
  let method: GeminiMethod
  try {
    method = readGeminiMethod(params).method
    validateBody(BODIES[method], body)
  } catch (error) {
    return failure(runtime, geminiDialect, admission.context, admission.finish, error)
  }
  if (method === 'countTokens') return handleCountTokens(runtime, geminiCountTokensDialect, admission, request, body, params)
  if (method === 'embedContent' || method === 'batchEmbedContents') return handleEmbeddings(runtime, geminiEmbeddingsDialect, admission, request, body, params)
  return handleInference(runtime, geminiDialect, admission, request, body, params)
}
