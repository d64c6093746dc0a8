import { describe, expect, test } from 'bun:test'
import { readJsonFixture } from '../test-support/read-fixture'
import { convertGeminiError } from './convert-gemini-error'

const none = new Headers()

describe('convertGeminiError', () => {
  test('400 API_KEY_INVALID is the gateway credential: 502 without the upstream text', async () => {
    expect(convertGeminiError(400, await readJsonFixture('error-400-api-key-invalid.json'), none)).toEqual({
      status: 502,
      type: 'upstream_error',
      code: 'upstream_authentication_error',
      message: 'The upstream provider rejected the gateway credentials',
    })
    expect(convertGeminiError(403, { error: { code: 403, message: 'Permission denied: Consumer api_key:AIzaSyD-abcdefghijklmnop has been suspended.', status: 'PERMISSION_DENIED' } }, none).message).not.toContain('AIza')
  })

  test('404: the unknown model, with Google’s message', async () => {
    expect(convertGeminiError(404, await readJsonFixture('error-404-model-not-found.response.json'), none)).toEqual({
      status: 404,
      type: 'not_found_error',
      code: 'model_not_found',
      message: 'models/gemini-3.6-flahs is not found for API version v1beta, or is not supported for generateContent. Call ModelService.ListModels to see the list of available models and their supported methods.',
    })
  })

  test('429 RESOURCE_EXHAUSTED: retryAfter from RetryInfo.retryDelay, else retry-after', async () => {
    const body = await readJsonFixture('error-429-resource-exhausted.json')
    expect(convertGeminiError(429, body, none)).toMatchObject({ status: 429, type: 'rate_limit_error', retryAfter: 26 })
    expect(convertGeminiError(429, { error: { code: 429, message: 'Quota', status: 'RESOURCE_EXHAUSTED' } }, new Headers({ 'retry-after': '7' })).retryAfter).toBe(7)
    expect(convertGeminiError(429, { error: { code: 429, message: 'Quota', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }] } }, none).retryAfter).toBe(2)
  })

  test('503 UNAVAILABLE: overloaded; 500 → 502; 504 → timeout', async () => {
    expect(convertGeminiError(503, await readJsonFixture('error-503-unavailable.json'), none)).toEqual({
      status: 503,
      type: 'overloaded_error',
      message: 'This model is currently experiencing high demand. Spikes in demand are usually temporary. Please try again later.',
    })
    expect(convertGeminiError(500, { error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } }, none)).toEqual({ status: 502, type: 'upstream_error', message: 'An internal error has occurred.' })
    expect(convertGeminiError(504, 'not json', none)).toEqual({ status: 504, type: 'timeout_error', message: 'Gemini returned HTTP 504' })
  })

  test("the client's bad request keeps Google's message and the field; FAILED_PRECONDITION is the gateway account's", () => {
    const body = { error: { code: 400, message: 'Invalid value at generation_config.temperature', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'generation_config.temperature', description: 'Invalid value' }] }] } }
    expect(convertGeminiError(400, body, none)).toEqual({ status: 400, message: 'Invalid value at generation_config.temperature', param: 'generation_config.temperature' })
    const region = { error: { code: 400, message: 'User location is not supported for the API use.', status: 'FAILED_PRECONDITION' } }
    expect(convertGeminiError(400, region, none)).toEqual({ status: 502, type: 'upstream_error', code: 'upstream_precondition_failed', message: 'User location is not supported for the API use.' })
  })

  test('the error element of a JSON-array stream is read too', () => {
    expect(convertGeminiError(500, [{ error: { code: 500, message: 'Internal', status: 'INTERNAL' } }], none).message).toBe('Internal')
  })
})
