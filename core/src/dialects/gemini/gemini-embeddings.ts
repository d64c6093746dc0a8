import type { EmbeddingDialect } from '../../pipeline/handle-embeddings'
import { geminiEmbeddingsToCanonical } from './gemini-embeddings-to-canonical'
import { geminiDialect } from './index'
import { readGeminiMethod } from './read-gemini-target'
import { renderGeminiEmbeddings } from './render-gemini-embeddings'

/** Gemini `:embedContent` and `:batchEmbedContents` (the model and the method are in the URL); errors in Google's shape. */
export const geminiEmbeddingsDialect: EmbeddingDialect = {
  id: 'gemini-embeddings',
  errors: geminiDialect,
  readTarget(_body, request) {
    const { model, method } = readGeminiMethod(request.params)
    return { model, options: { method } }
  },
  toCanonical: geminiEmbeddingsToCanonical,
  renderResponse: renderGeminiEmbeddings,
}
