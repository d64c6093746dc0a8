import {
  GatewayError,
  type CanonicalRequest,
  type ConversionContext,
  type ConvertedRequest,
  type ReasoningConfig,
  type ResponseFormat,
  type Warning,
} from '@tollgate/core'
import { effortForBudget } from './convert-to-openai-chat-request'
import { convertToOpenAIResponsesInput } from './convert-to-openai-responses-input'
import { convertToOpenAIResponsesToolChoice, convertToOpenAIResponsesTools } from './convert-to-openai-responses-tools'

const WIRE = 'openai-responses'
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function convertFormat(format: ResponseFormat): Record<string, unknown> {
  if (format.type !== 'json_schema') return { type: format.type }
  const converted: Record<string, unknown> = { type: 'json_schema', name: format.name ?? 'response', schema: format.schema }
  if (format.description !== undefined) converted.description = format.description
  if (format.strict !== undefined) converted.strict = format.strict
  return converted
}

function convertReasoning(reasoning: ReasoningConfig, context: ConversionContext, warnings: Warning[]): Record<string, unknown> | undefined {
  const converted: Record<string, unknown> = {}
  if (reasoning.effort !== undefined) converted.effort = reasoning.effort
  else if (reasoning.budgetTokens !== undefined) {
    converted.effort = effortForBudget(reasoning.budgetTokens)
    warnings.push({ param: 'reasoning.budget_tokens', message: `OpenAI takes an effort, not a token budget: ${reasoning.budgetTokens} tokens sent as reasoning.effort '${converted.effort}'` })
  } else if (reasoning.disabled && context.model?.capabilities?.includes('reasoning')) {
    warnings.push({ param: 'reasoning', message: 'Reasoning cannot be switched off on this model; the model default applies' })
  }
  if (reasoning.summary !== undefined) converted.summary = reasoning.summary
  return Object.keys(converted).length > 0 ? converted : undefined
}

/** Parameters the Responses API does not have: reported, not sent. */
function unsupported(request: CanonicalRequest, warnings: Warning[]) {
  const missing: Array<[unknown, string]> = [
    [request.topK, 'top_k'],
    [request.stopSequences, 'stop'],
    [request.seed, 'seed'],
    [request.frequencyPenalty, 'frequency_penalty'],
    [request.presencePenalty, 'presence_penalty'],
  ]
  for (const [value, param] of missing) if (value !== undefined) warnings.push({ param, message: 'not supported by the OpenAI Responses API; not sent' })
}

/**
 * `extra['openai-responses']` (fields of a Responses client the canonical form does not map) is
 * merged last, verbatim: objects on both sides merge shallowly (text, reasoning), `tools` appends
 * the client's built-in tools after the function, custom and namespace tools, anything else is set as sent.
 */
function mergeExtra(body: Record<string, unknown>, extra: Record<string, unknown> | undefined) {
  for (const key in extra) {
    const ours = body[key]
    const theirs = extra[key]
    if (key === 'tools' && Array.isArray(ours) && Array.isArray(theirs)) body[key] = [...ours, ...theirs]
    else if (isRecord(ours) && isRecord(theirs)) body[key] = { ...ours, ...theirs }
    else body[key] = theirs
  }
}

/** Canonical request -> OpenAI Responses body (`POST /v1/responses`), then `extra['openai-responses']` merged verbatim. */
export function convertToOpenAIResponsesRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest {
  if (request.choices !== undefined && request.choices > 1) {
    throw new GatewayError({ status: 400, param: 'n', message: 'The OpenAI Responses API returns one output; n must be 1' })
  }
  const warnings: Warning[] = []
  const customTools = new Set((request.tools ?? []).filter((tool) => tool.providerData?.[WIRE]?.type === 'custom').map((tool) => tool.name))
  const body: Record<string, unknown> = { model: context.modelId }
  if (request.system?.length) body.instructions = request.system.map((part) => part.text).join('\n\n')
  body.input = convertToOpenAIResponsesInput(request, customTools, warnings)
  if (request.tools) body.tools = convertToOpenAIResponsesTools(request.tools)
  if (request.toolChoice) body.tool_choice = convertToOpenAIResponsesToolChoice(request.toolChoice, request.tools ?? [])
  if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls
  if (request.responseFormat) body.text = { format: convertFormat(request.responseFormat) }
  const reasoning = request.reasoning && convertReasoning(request.reasoning, context, warnings)
  if (reasoning) body.reasoning = reasoning
  if (request.maxOutputTokens !== undefined) body.max_output_tokens = request.maxOutputTokens
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.topP !== undefined) body.top_p = request.topP
  unsupported(request, warnings)
  if (request.user !== undefined) body.user = request.user
  body.stream = request.stream
  mergeExtra(body, request.extra[WIRE])
  return warnings.length > 0 ? { body, warnings } : { body }
}
