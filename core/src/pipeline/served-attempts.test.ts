import { describe, expect, test } from 'bun:test'
import type { ServedAttempt } from './create-upstream-attempt'
import { recordServedAttempt, replaceResponseBody, servedAttemptOf } from './served-attempts'

const attempt = { route: { provider: {} as never, upstreamModel: 'gpt-4o' }, fastPath: true, conversion: { modelId: 'gpt-4o' } } satisfies ServedAttempt

describe('replaceResponseBody', () => {
  test('the copy has the new body, the same status and headers, and core still knows how it was served', async () => {
    const original = new Response('original', { status: 200, headers: { 'content-type': 'text/event-stream', 'x-upstream': 'a' } })
    recordServedAttempt(original, attempt)
    const copy = replaceResponseBody(original, 'peeked and replayed')
    expect(await copy.text()).toBe('peeked and replayed')
    expect(copy.status).toBe(200)
    expect(copy.headers.get('x-upstream')).toBe('a')
    expect(servedAttemptOf(copy)).toBe(attempt)
  })

  test('a response core did not produce stays unknown', () => {
    expect(servedAttemptOf(replaceResponseBody(new Response('x'), 'y'))).toBeUndefined()
  })
})
