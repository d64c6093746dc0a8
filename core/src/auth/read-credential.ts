/**
 * The API key a client sent, in the forms the official SDKs use:
 * `Authorization: Bearer <key>` (OpenAI, Anthropic SDK 1.x) or `x-api-key` (Anthropic SDK 0.x).
 */
export function readCredential(headers: Headers): string | undefined {
  const authorization = headers.get('authorization')
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim())
    if (match) return match[1].trim()
  }
  return headers.get('x-api-key')?.trim() || undefined
}
