import type { CanonicalResponse } from '../../canonical/response'
import { convertToOpenAIResponsesUsage } from '../../formats/openai-responses/convert-openai-responses-usage'
import { mapToOpenAIResponsesStatus } from '../../formats/openai-responses/map-openai-responses-status'
import type { OpenAIResponsesResponse } from '../../formats/openai-responses/openai-responses-types'
import type { RenderContext } from '../../plugin/dialect'
import { buildOpenAIResponsesObject, createItemIds, openAIResponsesId } from './build-openai-responses-object'
import { readRenderOptions } from './read-openai-responses-target'
import { renderOpenAIResponsesOutput } from './render-openai-responses-output'

/** Canonical response -> a Responses `response` object (the model shown is the one the client asked for). */
export function renderOpenAIResponsesResponse(response: CanonicalResponse, context: RenderContext): OpenAIResponsesResponse {
  const options = readRenderOptions(context)
  const id = openAIResponsesId(response.id || context.requestId)
  const { status, incompleteDetails } = mapToOpenAIResponsesStatus(response.finishReason)
  return buildOpenAIResponsesObject({
    id,
    createdAt: response.created,
    status,
    model: context.model,
    echo: options.echo,
    output: renderOpenAIResponsesOutput(response.content, response.refusal, options, createItemIds(id)),
    usage: convertToOpenAIResponsesUsage(response.usage),
    error: status === 'failed' ? { code: 'server_error', message: `The model stopped with an error${response.rawFinishReason ? ` (${response.rawFinishReason})` : ''}` } : null,
    incompleteDetails,
  })
}
