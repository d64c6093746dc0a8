import type { ServedAttempt } from './create-upstream-attempt'

/** How each successful upstream response was obtained (route, fast path), kept across re-wrapping. */
const servedAttempts = new WeakMap<Response, ServedAttempt>()

export function recordServedAttempt(response: Response, attempt: ServedAttempt): void {
  servedAttempts.set(response, attempt)
}

export function servedAttemptOf(response: Response): ServedAttempt | undefined {
  return servedAttempts.get(response)
}

/**
 * A copy of an upstream response with a new body, for `wrapUpstream` hooks that look at the
 * body before handing it on (e.g. peeking at a stream's first event). Core still knows which
 * route served the copy, so the response headers and the stream conversion stay right.
 */
export function replaceResponseBody(response: Response, body: BodyInit | null): Response {
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  const attempt = servedAttempts.get(response)
  if (attempt) servedAttempts.set(copy, attempt)
  return copy
}
