import { expect, test } from 'bun:test'
import { googleStatusForHttpStatus } from './map-gemini-error-status'

test('HTTP statuses → google.rpc.Code names', () => {
  const statuses = [400, 401, 402, 403, 404, 413, 429, 499, 500, 502, 503, 504, 418, 507]
  expect(statuses.map(googleStatusForHttpStatus)).toEqual([
    'INVALID_ARGUMENT', 'UNAUTHENTICATED', 'FAILED_PRECONDITION', 'PERMISSION_DENIED', 'NOT_FOUND', 'INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED',
    'CANCELLED', 'INTERNAL', 'INTERNAL', 'UNAVAILABLE', 'DEADLINE_EXCEEDED', 'INVALID_ARGUMENT', 'UNKNOWN',
  ])
})
