import {
  GatewayError,
  toAnthropicTextBlock,
  type CanonicalRequest,
  type ConversionContext,
  type ConvertedRequest,
  type ReasoningConfig,
  type TextPart,
  type ToolChoice,
  type Warning,
} from '@tollgate/core'
import { convertToAnthropicMessages } from './convert-to-anthropic-messages'

/** Thinking budgets for OpenAI-style reasoning effort ('none' disables thinking). */
const EFFORT_BUDGET = { minimal: 1024, low: 1024, medium: 4096, high: 16384, xhigh: 32768 } as const

/**
 * json_object has no Anthropic equivalent: the gateway asks for JSON with a system instruction and
 * reports it as a warning (json_schema maps natively to output_config.format).
 */
export const JSON_OBJECT_INSTRUCTION = 'Respond with a single valid JSON object and nothing else.'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A single plain text system part is sent as a string (the common shape), otherwise as blocks. */
const toAnthropicSystem = (parts: TextPart[]) =>
  parts.length === 1 && !parts[0].providerData ? parts[0].text : parts.map(toAnthropicTextBlock)

/**
 * Reasoning → `thinking`. An explicit budget passes as is (Anthropic judges it). An effort becomes a
 * budget; when max_tokens would not leave room above it, max_tokens grows by the budget (with a
 * warning if the client had set max_tokens itself).
 */
function convertThinking(reasoning: ReasoningConfig, maxTokens: number, explicitMax: boolean, warnings: Warning[]) {
  if (reasoning.disabled || reasoning.effort === 'none') return { thinking: { type: 'disabled' }, maxTokens }
  if (reasoning.adaptive) return { thinking: { type: 'adaptive' }, maxTokens }
  if (reasoning.budgetTokens !== undefined) return { thinking: { type: 'enabled', budget_tokens: reasoning.budgetTokens }, maxTokens }
  if (!reasoning.effort) return { maxTokens }
  const budget = EFFORT_BUDGET[reasoning.effort]
  const thinking = { type: 'enabled', budget_tokens: budget }
  if (maxTokens > budget) return { thinking, maxTokens }
  if (explicitMax) warnings.push({ param: 'max_tokens', message: `raised from ${maxTokens} to ${maxTokens + budget} to leave room for the ${budget}-token thinking budget of reasoning effort '${reasoning.effort}'` })
  return { thinking, maxTokens: maxTokens + budget }
}

function convertToolChoice(request: CanonicalRequest): Record<string, unknown> | undefined {
  const choice: ToolChoice | undefined = request.toolChoice
  const parallel = request.parallelToolCalls
  if (!choice) return parallel === false && request.tools?.length ? { type: 'auto', disable_parallel_tool_use: true } : undefined
  const converted: Record<string, unknown> = choice.type === 'required' ? { type: 'any' } : choice.type === 'tool' ? { type: 'tool', name: choice.name } : { type: choice.type }
  if (parallel !== undefined && choice.type !== 'none') converted.disable_parallel_tool_use = !parallel
  return converted
}

/**
 * `extra['anthropic-messages']` (fields of an Anthropic client the canonical form does not map) is
 * merged last, verbatim: objects on both sides merge shallowly (output_config, metadata), `tools`
 * appends the client's server tools after the custom ones, anything else is set as sent.
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

/** Canonical request → Anthropic Messages body (+ anthropic-beta header and warnings). */
export function convertToAnthropicRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest {
  if (request.choices !== undefined && request.choices > 1) throw new GatewayError({ status: 400, message: 'Anthropic models return a single choice; n must be 1', param: 'n' })
  const warnings: Warning[] = []
  if (request.seed !== undefined) warnings.push({ param: 'seed', message: 'not supported by Anthropic; ignored' })
  if (request.frequencyPenalty !== undefined) warnings.push({ param: 'frequency_penalty', message: 'not supported by Anthropic; ignored' })
  if (request.presencePenalty !== undefined) warnings.push({ param: 'presence_penalty', message: 'not supported by Anthropic; ignored' })

  const { system, messages } = convertToAnthropicMessages(request, warnings)
  let maxTokens = request.maxOutputTokens ?? context.model?.defaultMaxTokens ?? 4096
  let thinking: Record<string, unknown> | undefined
  if (request.reasoning) ({ thinking, maxTokens } = convertThinking(request.reasoning, maxTokens, request.maxOutputTokens !== undefined, warnings))

  const format = request.responseFormat
  if (format?.type === 'json_object') {
    system.push({ type: 'text', text: JSON_OBJECT_INSTRUCTION })
    warnings.push({ param: 'response_format', message: 'json_object has no Anthropic equivalent; JSON was requested with a system instruction' })
  }

  const body: Record<string, unknown> = { model: context.modelId, max_tokens: maxTokens, messages }
  if (system.length > 0) body.system = toAnthropicSystem(system)
  if (request.tools?.length) {
    body.tools = request.tools.map((tool) => ({
      ...tool.providerData?.anthropic,
      name: tool.name,
      ...(tool.description !== undefined && { description: tool.description }),
      input_schema: tool.parameters,
      ...(tool.strict && { strict: true }),
    }))
  }
  const toolChoice = convertToolChoice(request)
  if (toolChoice) body.tool_choice = toolChoice
  if (thinking) body.thinking = thinking
  if (format?.type === 'json_schema') body.output_config = { format: { type: 'json_schema', schema: format.schema } }
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.topP !== undefined) body.top_p = request.topP
  if (request.topK !== undefined) body.top_k = request.topK
  if (request.stopSequences?.length) body.stop_sequences = request.stopSequences
  if (request.user !== undefined) body.metadata = { user_id: request.user }
  body.stream = request.stream
  mergeExtra(body, request.extra['anthropic-messages'])

  const beta = request.forwardHeaders?.['anthropic-beta']
  return { body, ...(beta !== undefined && { headers: { 'anthropic-beta': beta } }), ...(warnings.length > 0 && { warnings }) }
}
