import { describe, expect, test } from 'bun:test'
import { readJsonFixture } from '../test-support/read-fixture'
import { convertCompatibleError, redactCompatibleSecrets } from './convert-compatible-error'

describe('convertCompatibleError', () => {
  test('Mistral 422 extra_forbidden: the pydantic detail becomes the message and names the param', async () => {
    expect(convertCompatibleError(422, await readJsonFixture('recorded/mistral-error-422-extra-forbidden.json'), new Headers())).toEqual({
      status: 422,
      message: 'max_completion_tokens: Extra inputs are not permitted',
      param: 'max_completion_tokens',
      code: null,
    })
  })

  test('Mistral 422 on message fields: the role tag of the union is left out of the param', async () => {
    expect(convertCompatibleError(422, await readJsonFixture('recorded/mistral-error-422-message-fields.json'), new Headers())).toEqual({
      status: 422,
      message: 'messages[0].name: Extra inputs are not permitted; messages[0].tool_calls: Extra inputs are not permitted',
      param: 'messages[0].name',
      code: null,
    })
  })

  test('DeepSeek 400 in the OpenAI envelope keeps message and code', async () => {
    expect(convertCompatibleError(400, await readJsonFixture('recorded/deepseek-error-400-reasoning-content.json'), new Headers())).toEqual({
      status: 400,
      message: 'The reasoning_content in the thinking mode must be passed back to the API.',
      param: null,
      code: 'invalid_request_error',
    })
  })

  test('a bare string error (local servers) and a 404 about a model', () => {
    expect(convertCompatibleError(404, { error: 'model "llama9" not found, try pulling it first' }, new Headers())).toEqual({
      status: 404,
      type: 'not_found_error',
      code: 'model_not_found',
      message: 'model "llama9" not found, try pulling it first',
    })
  })

  test('401 is the gateway credential: 502 without the upstream text; echoed keys are masked', () => {
    expect(convertCompatibleError(401, { error: { message: 'Invalid API Key gsk_abcdefghijkl' } }, new Headers()).message).toBe("The upstream provider rejected the gateway's credentials")
    expect(convertCompatibleError(400, { error: { message: 'bad key xai-abcdefghijklmn and sk-or-v1-abcdef' } }, new Headers()).message).toBe('bad key xai-*** and sk-***')
  })
})

test('redactCompatibleSecrets masks Groq, xAI and Fireworks keys', () => {
  expect(redactCompatibleSecrets('gsk_0123456789abcdef xai-ABCDEFGHIJ12 fw_3ZVqLSMpWH9z')).toBe('gsk-*** xai-*** fw-***')
})
