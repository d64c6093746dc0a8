import type { RequestContext } from '@tollgate/core'

/**
 * What a request can spend, read from its path: `count` (token counting: free, never held or
 * charged), `embedding` (input only: nothing reserved for output), or `generate`.
 */
export function requestKind(context: Pick<RequestContext, 'path'>): 'count' | 'embedding' | 'generate' {
  const path = context.path
  if (path.endsWith('/count_tokens') || path.endsWith(':countTokens')) return 'count'
  if (path.endsWith('/embeddings') || path.endsWith(':embedContent') || path.endsWith(':batchEmbedContents')) return 'embedding'
  return 'generate'
}
