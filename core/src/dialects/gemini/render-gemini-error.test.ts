import { expect, test } from 'bun:test'
import { GatewayError } from '../../errors/gateway-error'
import { renderGeminiError } from './render-gemini-error'

test("an unknown model: Google's 404 shape", () => {
  const error = new GatewayError({ status: 404, message: "Model 'gemini-3.6-flahs' not found", code: 'model_not_found' })
  expect(renderGeminiError(error)).toEqual({
    status: 404,
    body: { error: { code: 404, message: "Model 'gemini-3.6-flahs' not found", status: 'NOT_FOUND', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'MODEL_NOT_FOUND', domain: 'tollgate' }] } },
  })
})

test('a rate limit carries RetryInfo and Retry-After; a bad field carries BadRequest', () => {
  expect(renderGeminiError(new GatewayError({ status: 429, message: 'Slow down', retryAfter: 25.2 }))).toEqual({
    status: 429,
    body: { error: { code: 429, message: 'Slow down', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26s' }] } },
    headers: { 'Retry-After': '26' },
  })
  const invalid = renderGeminiError(new GatewayError({ status: 400, message: 'generationConfig.temperature must be a number', param: 'generationConfig.temperature' }))
  expect(invalid.body.error).toEqual({
    code: 400,
    message: 'generationConfig.temperature must be a number',
    status: 'INVALID_ARGUMENT',
    details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'generationConfig.temperature', description: 'generationConfig.temperature must be a number' }] }],
  })
})

test('statuses: 401 UNAUTHENTICATED, 502 INTERNAL, 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED', () => {
  expect([401, 502, 503, 504].map((status) => renderGeminiError(new GatewayError({ status, message: 'x' })).body.error.status)).toEqual(['UNAUTHENTICATED', 'INTERNAL', 'UNAVAILABLE', 'DEADLINE_EXCEEDED'])
})
