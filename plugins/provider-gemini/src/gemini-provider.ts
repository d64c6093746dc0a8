import { defineProvider } from '@tollgate/core'
import { convertGeminiError } from './convert-gemini-error'
import { convertGeminiResponse } from './convert-gemini-response'
import { convertToGeminiRequest } from './convert-to-gemini-request'
import { geminiCountTokens } from './gemini-count-tokens'
import { geminiEmbeddingModels } from './gemini-embedding-models'
import { geminiEmbeddings } from './gemini-embeddings'
import { geminiModels } from './gemini-models'
import { geminiPassthroughPath, prepareGeminiPassthroughBody } from './gemini-passthrough'
import { createGeminiStreamConverter } from './gemini-stream-converter'

/**
 * Google Gemini API (Google AI Studio): `POST {base}/v1beta/models/{model}:generateContent` and
 * `:streamGenerateContent?alt=sse`, the key in `x-goog-api-key`. The base URL has no version, as
 * in the google-genai SDKs; the path is per request (convertRequest and passthroughPath return it).
 * Embeddings go through `:batchEmbedContents`, token counting through `:countTokens`.
 */
export const gemini = defineProvider({
  specificationVersion: 'v1',
  id: 'gemini',
  name: 'Google Gemini',
  wireFormat: 'gemini',
  defaultBaseURL: 'https://generativelanguage.googleapis.com',
  env: { apiKey: 'GEMINI_API_KEY', baseURL: 'GEMINI_BASE_URL' },
  auth: { type: 'header', name: 'x-goog-api-key' },
  endpoints: { chat: '/v1beta/models' },
  models: [...geminiModels, ...geminiEmbeddingModels],
  modelPrefixes: ['gemini-', 'gemma-'],
  passthroughHeaders: [],
  convertRequest: convertToGeminiRequest,
  convertResponse: convertGeminiResponse,
  createStreamConverter: createGeminiStreamConverter,
  convertError: convertGeminiError,
  preparePassthroughBody: prepareGeminiPassthroughBody,
  passthroughPath: geminiPassthroughPath,
  embeddings: geminiEmbeddings,
  countTokens: geminiCountTokens,
})
