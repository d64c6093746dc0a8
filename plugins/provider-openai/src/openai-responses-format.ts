import type { WireFormatSpec } from '@tollgate/core'
import { convertOpenAIResponsesResponse } from './convert-openai-responses-response'
import { convertToOpenAIResponsesRequest } from './convert-to-openai-responses-request'
import { createOpenAIResponsesStreamConverter } from './openai-responses-stream-converter'
import { prepareOpenAIResponsesPassthroughBody } from './prepare-openai-responses-passthrough-body'

/**
 * OpenAI's Responses API (`POST /v1/responses`) as an alternate format of the OpenAI provider:
 * Responses clients (Codex CLI, the SDK's `responses.create`) are served through it, on the fast
 * path with their body untouched but the model id (encrypted reasoning, custom and built-in tools
 * intact); every other client keeps Chat Completions. Errors share the Chat Completions envelope.
 */
export const openaiResponsesFormat: WireFormatSpec = {
  wireFormat: 'openai-responses',
  endpoints: { chat: '/responses' },
  convertRequest: convertToOpenAIResponsesRequest,
  convertResponse: convertOpenAIResponsesResponse,
  createStreamConverter: createOpenAIResponsesStreamConverter,
  preparePassthroughBody: prepareOpenAIResponsesPassthroughBody,
  passthroughHeaders: [],
}
