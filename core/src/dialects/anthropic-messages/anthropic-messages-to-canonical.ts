import type { CanonicalRequest, ReasoningConfig, ResponseFormat, ToolChoice, ToolDefinition } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import { convertAnthropicMessages, convertAnthropicTextContent } from './convert-anthropic-messages'

type Body = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isRecord = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Fields mapped to canonical ones; everything else goes to `extra['anthropic-messages']` verbatim. */
const mapped = new Set(['model', 'max_tokens', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'temperature', 'top_p', 'top_k', 'stop_sequences', 'stream', 'metadata', 'output_config', 'output_format'])

function optionalNumber(body: Body, key: string, integer = false): number | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || (integer && !Number.isInteger(value))) throw invalid(`${key} must be ${integer ? 'an integer' : 'a number'}`, key)
  return value
}

/** Custom tools become canonical tools; server tools (typed, not 'custom') are returned apart, verbatim. */
function convertTools(tools: unknown): { tools: ToolDefinition[]; serverTools: unknown[] } {
  if (!Array.isArray(tools)) throw invalid('tools must be an array', 'tools')
  const result = { tools: [] as ToolDefinition[], serverTools: [] as unknown[] }
  tools.forEach((tool, index) => {
    if (!isRecord(tool)) throw invalid(`tools.${index} must be an object`, `tools.${index}`)
    if (tool.type !== undefined && tool.type !== 'custom') return void result.serverTools.push(tool)
    const { name, description, input_schema, strict, ...rest } = tool
    if (typeof name !== 'string') throw invalid(`tools.${index}.name must be a string`, `tools.${index}.name`)
    if (!isRecord(input_schema)) throw invalid(`tools.${index}.input_schema must be an object`, `tools.${index}.input_schema`)
    result.tools.push({
      name,
      ...(typeof description === 'string' && { description }),
      parameters: input_schema,
      ...(typeof strict === 'boolean' && { strict }),
      ...(Object.keys(rest).length > 0 && { providerData: { anthropic: rest } }),
    })
  })
  return result
}

function convertToolChoice(choice: unknown): { toolChoice: ToolChoice; parallelToolCalls?: boolean } {
  if (!isRecord(choice)) throw invalid('tool_choice must be an object', 'tool_choice')
  const parallel = typeof choice.disable_parallel_tool_use === 'boolean' ? { parallelToolCalls: !choice.disable_parallel_tool_use } : {}
  switch (choice.type) {
    case 'auto':
    case 'none':
      return { toolChoice: { type: choice.type }, ...parallel }
    case 'any':
      return { toolChoice: { type: 'required' }, ...parallel }
    case 'tool':
      if (typeof choice.name !== 'string') throw invalid('tool_choice.name must be a string', 'tool_choice.name')
      return { toolChoice: { type: 'tool', name: choice.name }, ...parallel }
  }
  throw invalid("tool_choice.type must be 'auto', 'any', 'tool' or 'none'", 'tool_choice.type')
}

function convertThinking(thinking: unknown): ReasoningConfig {
  if (!isRecord(thinking)) throw invalid('thinking must be an object', 'thinking')
  if (thinking.type === 'disabled') return { disabled: true }
  if (thinking.type === 'adaptive') return { adaptive: true }
  if (thinking.type !== 'enabled') throw invalid("thinking.type must be 'enabled', 'disabled' or 'adaptive'", 'thinking.type')
  if (!Number.isInteger(thinking.budget_tokens)) throw invalid('thinking.budget_tokens must be an integer', 'thinking.budget_tokens')
  return { budgetTokens: thinking.budget_tokens as number }
}

const jsonSchemaFormat = (format: unknown): ResponseFormat | undefined =>
  isRecord(format) && format.type === 'json_schema' && isRecord(format.schema) ? { type: 'json_schema', schema: format.schema } : undefined

/**
 * `output_config.format` (GA) or the legacy beta `output_format` → response format. The rest of
 * `output_config` (e.g. `effort`) and any format this gateway does not map stay in `extra`.
 */
function convertOutputFormat(body: Body, extra: Body): ResponseFormat | undefined {
  const config = body.output_config
  const format = isRecord(config) ? jsonSchemaFormat(config.format) : undefined
  if (format) {
    const { format: _mapped, ...rest } = config as Body
    if (Object.keys(rest).length > 0) extra.output_config = rest
  } else if (config !== undefined) extra.output_config = config
  const legacy = jsonSchemaFormat(body.output_format)
  if (legacy && !format) return legacy
  if (body.output_format !== undefined) extra.output_format = body.output_format
  return format
}

/** Anthropic Messages client body (+ headers) → canonical request. Throws GatewayError 400 with `param`. */
export function anthropicMessagesToCanonical(body: unknown, headers: Headers): CanonicalRequest {
  if (!isRecord(body)) throw invalid('The request body must be a JSON object', 'body')
  if (typeof body.model !== 'string' || body.model === '') throw invalid('model must be a non-empty string', 'model')
  const extra: Body = {}
  for (const key in body) if (!mapped.has(key)) extra[key] = body[key]

  const { leadingSystem, messages } = convertAnthropicMessages(body.messages)
  const system = body.system === undefined || body.system === null ? [] : convertAnthropicTextContent(body.system, 'system')
  system.push(...leadingSystem)
  const request: CanonicalRequest = { model: body.model, messages, stream: false, extra: {} }
  if (system.length > 0) request.system = system

  if (body.tools !== undefined) {
    const { tools, serverTools } = convertTools(body.tools)
    if (tools.length > 0) request.tools = tools
    if (serverTools.length > 0) extra.tools = serverTools
  }
  if (body.tool_choice !== undefined) Object.assign(request, convertToolChoice(body.tool_choice))
  if (body.thinking !== undefined) request.reasoning = convertThinking(body.thinking)

  const responseFormat = convertOutputFormat(body, extra)
  if (responseFormat) request.responseFormat = responseFormat

  const maxTokens = optionalNumber(body, 'max_tokens', true)
  if (maxTokens !== undefined) request.maxOutputTokens = maxTokens
  const temperature = optionalNumber(body, 'temperature')
  if (temperature !== undefined) request.temperature = temperature
  const topP = optionalNumber(body, 'top_p')
  if (topP !== undefined) request.topP = topP
  const topK = optionalNumber(body, 'top_k', true)
  if (topK !== undefined) request.topK = topK
  if (body.stop_sequences !== undefined) {
    const stop = body.stop_sequences
    if (!Array.isArray(stop) || !stop.every((item) => typeof item === 'string')) throw invalid('stop_sequences must be an array of strings', 'stop_sequences')
    request.stopSequences = stop
  }
  if (body.metadata !== undefined) {
    if (!isRecord(body.metadata)) throw invalid('metadata must be an object', 'metadata')
    const { user_id, ...rest } = body.metadata
    if (typeof user_id === 'string') request.user = user_id
    else if (user_id !== undefined && user_id !== null) throw invalid('metadata.user_id must be a string', 'metadata.user_id')
    if (Object.keys(rest).length > 0) extra.metadata = rest
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalid('stream must be a boolean', 'stream')
  request.stream = body.stream === true

  if (Object.keys(extra).length > 0) request.extra['anthropic-messages'] = extra
  const beta = headers.get('anthropic-beta')
  if (beta !== null) request.forwardHeaders = { 'anthropic-beta': beta }
  return request
}
