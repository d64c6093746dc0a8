import type { CanonicalRequest, ReasoningConfig, ResponseFormat, ToolChoice, ToolDefinition } from '../../canonical/request'
import { convertOpenAIChatMessages } from './convert-openai-chat-messages'
import {
  fail,
  isObject,
  readArray,
  readObject,
  readOptionalBoolean,
  readOptionalNumber,
  readOptionalString,
  readString,
  unknownFields,
} from './read-openai-chat-fields'

const MAPPED_KEYS = new Set([
  'model', 'messages', 'tools', 'functions', 'tool_choice', 'function_call', 'parallel_tool_calls', 'response_format',
  'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty',
  'presence_penalty', 'n', 'reasoning_effort', 'user', 'stream', 'stream_options',
])
const EFFORTS = new Set(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'])

function convertFunction(fn: Record<string, any>, param: string): ToolDefinition {
  const tool: ToolDefinition = {
    name: readString(fn.name, `${param}.name`),
    parameters: fn.parameters === undefined ? { type: 'object', properties: {} } : readObject(fn.parameters, `${param}.parameters`),
  }
  const description = readOptionalString(fn.description, `${param}.description`)
  if (description !== undefined) tool.description = description
  const strict = readOptionalBoolean(fn.strict, `${param}.strict`)
  if (strict !== undefined) tool.strict = strict
  return tool
}

function convertTools(body: Record<string, any>): ToolDefinition[] | undefined {
  const tools = body.tools === undefined || body.tools === null ? [] : readArray(body.tools, 'tools')
  const converted = tools.map((tool, index) => {
    const object = readObject(tool, `tools[${index}]`)
    if (object.type !== 'function') fail(`Unsupported tool type '${String(object.type)}' (function tools only)`, `tools[${index}].type`)
    return convertFunction(readObject(object.function, `tools[${index}].function`), `tools[${index}].function`)
  })
  if (body.functions !== undefined && body.functions !== null) {
    readArray(body.functions, 'functions').forEach((fn, index) => converted.push(convertFunction(readObject(fn, `functions[${index}]`), `functions[${index}]`)))
  }
  return converted.length > 0 ? converted : undefined
}

function convertToolChoice(choice: unknown): ToolChoice | undefined {
  if (choice === undefined || choice === null) return undefined
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { type: choice }
  if (isObject(choice) && choice.type === 'function') return { type: 'tool', name: readString(choice.function?.name, 'tool_choice.function.name') }
  return fail('Unsupported tool_choice', 'tool_choice')
}

/** Legacy `function_call`: 'auto' | 'none' | { name }. */
function convertFunctionCall(choice: unknown): ToolChoice | undefined {
  if (choice === undefined || choice === null) return undefined
  if (choice === 'auto' || choice === 'none') return { type: choice }
  return { type: 'tool', name: readString(readObject(choice, 'function_call').name, 'function_call.name') }
}

function convertResponseFormat(format: unknown): ResponseFormat | undefined {
  if (format === undefined || format === null) return undefined
  const object = readObject(format, 'response_format')
  if (object.type === 'text' || object.type === 'json_object') return { type: object.type }
  if (object.type !== 'json_schema') return fail(`Unsupported response_format type '${String(object.type)}'`, 'response_format.type')
  const schema = readObject(object.json_schema, 'response_format.json_schema')
  const converted: ResponseFormat = {
    type: 'json_schema',
    name: readString(schema.name, 'response_format.json_schema.name'),
    schema: schema.schema === undefined ? {} : readObject(schema.schema, 'response_format.json_schema.schema'),
  }
  const description = readOptionalString(schema.description, 'response_format.json_schema.description')
  if (description !== undefined) converted.description = description
  const strict = readOptionalBoolean(schema.strict, 'response_format.json_schema.strict')
  if (strict !== undefined) converted.strict = strict
  return converted
}

function convertStop(stop: unknown): string[] | undefined {
  if (stop === undefined || stop === null) return undefined
  if (typeof stop === 'string') return [stop]
  return readArray(stop, 'stop').map((sequence, index) => readString(sequence, `stop[${index}]`))
}

function convertMaxTokens(body: Record<string, any>): number | undefined {
  const maxTokens = readOptionalNumber(body.max_tokens, 'max_tokens', true)
  const maxCompletionTokens = readOptionalNumber(body.max_completion_tokens, 'max_completion_tokens', true)
  if (maxTokens !== undefined && maxCompletionTokens !== undefined && maxTokens !== maxCompletionTokens) {
    fail('max_tokens and max_completion_tokens are both set and differ; set only one', 'max_tokens')
  }
  return maxCompletionTokens ?? maxTokens
}

function convertReasoning(effort: unknown): ReasoningConfig | undefined {
  const value = readOptionalString(effort, 'reasoning_effort')
  if (value === undefined) return undefined
  if (!EFFORTS.has(value)) fail(`Unsupported reasoning_effort '${value}'`, 'reasoning_effort')
  return { effort: value as ReasoningConfig['effort'] }
}

/** Split `stream_options`: `include_usage` is mapped, any other option passes through. */
function convertStreamOptions(options: unknown): { streamUsage?: boolean; rest?: Record<string, unknown> } {
  if (options === undefined || options === null) return {}
  const { include_usage: includeUsage, ...rest } = readObject(options, 'stream_options')
  const streamUsage = readOptionalBoolean(includeUsage, 'stream_options.include_usage')
  return { streamUsage, rest: Object.keys(rest).length > 0 ? rest : undefined }
}

/** An OpenAI Chat Completions request body (parsed JSON) -> canonical request. Throws 400s naming `param`. */
export function openAIChatToCanonical(input: unknown): CanonicalRequest {
  const body = isObject(input) ? input : fail('Request body must be a JSON object', 'body')
  const { streamUsage, rest: streamOptions } = convertStreamOptions(body.stream_options)
  const n = readOptionalNumber(body.n, 'n', true)
  if (n !== undefined && n < 1) fail("'n' must be at least 1", 'n')
  const extra = unknownFields(body, MAPPED_KEYS) ?? {}
  if (streamOptions) extra.stream_options = streamOptions
  const request: CanonicalRequest = {
    model: readString(body.model, 'model'),
    ...convertOpenAIChatMessages(body.messages),
    tools: convertTools(body),
    toolChoice: convertToolChoice(body.tool_choice) ?? convertFunctionCall(body.function_call),
    parallelToolCalls: readOptionalBoolean(body.parallel_tool_calls, 'parallel_tool_calls'),
    responseFormat: convertResponseFormat(body.response_format),
    maxOutputTokens: convertMaxTokens(body),
    temperature: readOptionalNumber(body.temperature, 'temperature'),
    topP: readOptionalNumber(body.top_p, 'top_p'),
    stopSequences: convertStop(body.stop),
    seed: readOptionalNumber(body.seed, 'seed', true),
    frequencyPenalty: readOptionalNumber(body.frequency_penalty, 'frequency_penalty'),
    presencePenalty: readOptionalNumber(body.presence_penalty, 'presence_penalty'),
    choices: n,
    reasoning: convertReasoning(body.reasoning_effort),
    user: readOptionalString(body.user, 'user'),
    stream: readOptionalBoolean(body.stream, 'stream') ?? false,
    streamUsage,
    extra: Object.keys(extra).length > 0 ? { 'openai-chat': extra } : {},
  }
  for (const key in request) if (request[key as keyof CanonicalRequest] === undefined) delete request[key as keyof CanonicalRequest]
  return request
}
