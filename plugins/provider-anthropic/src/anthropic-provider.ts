import { defineProvider } from '@tollgate/core'
import { anthropicCountTokens } from './anthropic-count-tokens'
import { anthropicModels } from './anthropic-models'
import { convertAnthropicError } from './convert-anthropic-error'
import { convertAnthropicResponse } from './convert-anthropic-response'
import { convertToAnthropicRequest } from './convert-to-anthropic-request'
import { createAnthropicStreamConverter } from './anthropic-stream-converter'
import { prepareAnthropicPassthroughBody } from './prepare-anthropic-passthrough-body'

/**
 * Anthropic Messages API. The base URL has no version suffix, exactly like the official SDKs'
 * `ANTHROPIC_BASE_URL` (`https://api.anthropic.com`); the endpoint carries `/v1`.
 */
export const anthropic = defineProvider({
  specificationVersion: 'v1',
  id: 'anthropic',
  name: 'Anthropic',
  wireFormat: 'anthropic-messages',
  defaultBaseURL: 'https://api.anthropic.com',
  env: { apiKey: 'ANTHROPIC_API_KEY', baseURL: 'ANTHROPIC_BASE_URL' },
  auth: { type: 'header', name: 'x-api-key' },
  headers: { 'anthropic-version': '2023-06-01' },
  endpoints: { chat: '/v1/messages' },
  models: anthropicModels,
  modelPrefixes: ['claude-'],
  passthroughHeaders: ['anthropic-beta', 'anthropic-version'],
  convertRequest: convertToAnthropicRequest,
  convertResponse: convertAnthropicResponse,
  createStreamConverter: createAnthropicStreamConverter,
  convertError: convertAnthropicError,
  preparePassthroughBody: prepareAnthropicPassthroughBody,
  countTokens: anthropicCountTokens,
})
