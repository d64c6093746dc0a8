/**
 * The API key a client sent, in the forms real clients use; the first one present wins:
 * 1. `Authorization: Bearer <key>` (OpenAI SDK, Anthropic SDK 1.x, most tools)
 * 2. `Authorization: Basic` with the key as the password, or as the user name when the
 *    password is empty (`curl -u :<key>`, `curl -u <key>:`, HTTP libraries)
 * 3. `x-api-key` (Anthropic SDK 0.x) and `x-goog-api-key` (Gemini SDK)
 * 4. the query parameters `?key=` (Gemini REST) and `?api-key=` (Azure-style), when `url` is given
 */
export function readCredential(headers: Headers, url?: string): string | undefined {
  const authorization = headers.get('authorization')
  if (authorization) {
    const [scheme, value] = splitScheme(authorization)
    if (scheme === 'bearer' && value) return value
    if (scheme === 'basic' && value) {
      const basic = readBasicPassword(value)
      if (basic) return basic
    }
  }
  return headers.get('x-api-key')?.trim() || headers.get('x-goog-api-key')?.trim() || (url === undefined ? undefined : readQueryCredential(url))
}

/** `?key=` or `?api-key=` from a request URL (cheap when the URL has no query). */
export function readQueryCredential(url: string): string | undefined {
  const query = url.indexOf('?')
  if (query === -1 || !url.includes('key=', query)) return undefined
  const parameters = new URLSearchParams(url.slice(query + 1).split('#')[0])
  return parameters.get('key')?.trim() || parameters.get('api-key')?.trim() || undefined
}

function splitScheme(header: string): [string, string] {
  const trimmed = header.trim()
  const space = trimmed.search(/\s/)
  if (space === -1) return [trimmed.toLowerCase(), '']
  return [trimmed.slice(0, space).toLowerCase(), trimmed.slice(space + 1).trim()]
}

function readBasicPassword(encoded: string): string | undefined {
  let decoded: string
  try {
    decoded = atob(encoded)
  } catch {
    return undefined
  }
  const colon = decoded.indexOf(':')
  if (colon === -1) return undefined
  return decoded.slice(colon + 1) || decoded.slice(0, colon) || undefined
}
