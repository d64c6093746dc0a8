import { GatewayError, type CanonicalRequest, type ConversionContext, type ConvertedRequest, type ReasoningConfig, type ResponseFormat, type ToolChoice, type Warning } from '@tollgate/core'
import { convertToOpenAIChatMessages, type OpenAIChatMessageOptions } from './convert-to-openai-chat-messages'

const WIRE = 'openai-chat'

function convertToolChoice(choice: ToolChoice): unknown {
  return choice.type === 'tool' ? { type: 'function', function: { name: choice.name } } : choice.type
}

function convertResponseFormat(format: ResponseFormat): Record<string, unknown> {
  if (format.type !== 'json_schema') return { type: format.type }
  const schema: Record<string, unknown> = { name: format.name ?? 'response', schema: format.schema }
  if (format.description !== undefined) schema.description = format.description
  if (format.strict !== undefined) schema.strict = format.strict
  return { type: 'json_schema', json_schema: schema }
}

/** Token budget -> effort: <=1024 low, <=8192 medium, else high. */
export function effortForBudget(budgetTokens: number): 'low' | 'medium' | 'high' {
  return budgetTokens <= 1024 ? 'low' : budgetTokens <= 8192 ? 'medium' : 'high'
}

function convertReasoning(reasoning: ReasoningConfig, context: ConversionContext, warnings: Warning[]): string | undefined {
  if (reasoning.summary !== undefined) warnings.push({ param: 'reasoning.summary', message: 'OpenAI Chat does not return reasoning summaries' })
  if (reasoning.effort !== undefined) return reasoning.effort
  if (reasoning.budgetTokens !== undefined) {
    const effort = effortForBudget(reasoning.budgetTokens)
    warnings.push({ param: 'reasoning.budget_tokens', message: `OpenAI takes an effort, not a token budget: ${reasoning.budgetTokens} tokens sent as reasoning_effort '${effort}'` })
    return effort
  }
  if (reasoning.disabled && context.model?.capabilities?.includes('reasoning')) {
    warnings.push({ param: 'reasoning', message: 'Reasoning cannot be switched off on this model through OpenAI Chat; the model default applies' })
  }
  return undefined
}

/**
 * Canonical request -> OpenAI Chat Completions body, then `extra['openai-chat']` merged verbatim.
 * `options` are for OpenAI-compatible servers (OpenAI itself uses the defaults).
 */
export function convertToOpenAIChatRequest(request: CanonicalRequest, context: ConversionContext, options: OpenAIChatMessageOptions = {}): ConvertedRequest {
  const warnings: Warning[] = []
  const body: Record<string, unknown> = { model: context.modelId, messages: convertToOpenAIChatMessages(request, warnings, options) }
  if (request.tools) {
    body.tools = request.tools.map((tool) => {
      const fn: Record<string, unknown> = { name: tool.name }
      if (tool.description !== undefined) fn.description = tool.description
      fn.parameters = tool.parameters
      if (tool.strict !== undefined) fn.strict = tool.strict
      return { type: 'function', function: fn }
    })
  }
  if (request.toolChoice) body.tool_choice = convertToolChoice(request.toolChoice)
  if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls
  if (request.responseFormat) body.response_format = convertResponseFormat(request.responseFormat)
  if (request.maxOutputTokens !== undefined) body.max_completion_tokens = request.maxOutputTokens
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.topP !== undefined) body.top_p = request.topP
  if (request.topK !== undefined) warnings.push({ param: 'top_k', message: 'OpenAI does not support top_k; it was not sent' })
  if (request.stopSequences) body.stop = request.stopSequences
  if (request.seed !== undefined) body.seed = request.seed
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty
  if (request.choices !== undefined) {
    if (request.choices > 1) throw new GatewayError({ status: 400, param: 'n', message: 'n > 1 cannot be translated (the gateway carries one choice); it works only when an OpenAI Chat request passes through untouched' })
    body.n = request.choices
  }
  const effort = request.reasoning && convertReasoning(request.reasoning, context, warnings)
  if (effort) body.reasoning_effort = effort
  if (request.user !== undefined) body.user = request.user
  body.stream = request.stream
  const extra = request.extra[WIRE]
  if (extra) Object.assign(body, extra)
  if (request.stream) body.stream_options = { ...(extra?.stream_options as object | undefined), include_usage: true }
  return warnings.length > 0 ? { body, warnings } : { body }
}
