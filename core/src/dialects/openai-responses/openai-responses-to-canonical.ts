import type { CanonicalRequest, ReasoningConfig, ResponseFormat } from '../../canonical/request'
import { createNamespaceToolNames } from '../../formats/openai-responses/openai-responses-namespace-tools'
import { fail, isObject, readObject, readOptionalBoolean, readOptionalNumber, readOptionalString, readString } from '../openai-chat/read-openai-chat-fields'
import { convertOpenAIResponsesInput } from './convert-openai-responses-input'
import { convertOpenAIResponsesToolChoice, convertOpenAIResponsesTools } from './convert-openai-responses-tools'
import { leftoverFields } from './leftover-fields'

const WIRE = 'openai-responses'
const MAPPED_KEYS = new Set([
  'model', 'input', 'instructions', 'tools', 'tool_choice', 'parallel_tool_calls', 'text', 'reasoning', 'max_output_tokens',
  'temperature', 'top_p', 'user', 'stream', 'previous_response_id', 'conversation', 'background',
])
const EFFORTS = new Set(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'])
const SUMMARIES = new Set(['auto', 'concise', 'detailed'])
const STATELESS =
  'Tollgate is stateless and keeps no earlier responses or conversations: send the whole conversation in `input` ' +
  '(with store: false and include: ["reasoning.encrypted_content"] to keep reasoning across turns)'

function convertFormat(format: unknown): ResponseFormat | undefined {
  if (format === undefined || format === null) return undefined
  const object = readObject(format, 'text.format')
  if (object.type === 'text' || object.type === 'json_object') return { type: object.type }
  if (object.type !== 'json_schema') return fail(`Unsupported text.format type '${String(object.type)}'`, 'text.format.type')
  const converted: ResponseFormat = {
    type: 'json_schema',
    name: readString(object.name, 'text.format.name'),
    schema: object.schema === undefined ? {} : readObject(object.schema, 'text.format.schema'),
  }
  const description = readOptionalString(object.description, 'text.format.description')
  if (description !== undefined) converted.description = description
  const strict = readOptionalBoolean(object.strict, 'text.format.strict')
  if (strict !== undefined) converted.strict = strict
  return converted
}

function convertReasoning(reasoning: Record<string, any>): ReasoningConfig | undefined {
  const converted: ReasoningConfig = {}
  const effort = readOptionalString(reasoning.effort, 'reasoning.effort')
  if (effort !== undefined && !EFFORTS.has(effort)) fail(`Unsupported reasoning.effort '${effort}'`, 'reasoning.effort')
  if (effort !== undefined) converted.effort = effort as ReasoningConfig['effort']
  const summary = readOptionalString(reasoning.summary, 'reasoning.summary')
  if (summary !== undefined && !SUMMARIES.has(summary)) fail(`Unsupported reasoning.summary '${summary}'`, 'reasoning.summary')
  if (summary !== undefined) converted.summary = summary as ReasoningConfig['summary']
  return Object.keys(converted).length > 0 ? converted : undefined
}

/** A mapped object field: the mapped part is read, the rest (and nulls) pass through in `extra`. */
function splitObject(value: unknown, param: string, mapped: ReadonlySet<string>, extra: Record<string, unknown>) {
  if (value === undefined) return undefined
  if (value === null) return void (extra[param] = null)
  const object = readObject(value, param)
  const rest = leftoverFields(object, mapped)
  if (rest) extra[param] = rest
  return object
}

/**
 * A Responses request body (`POST /v1/responses`) -> canonical request. `instructions` is the
 * system prompt; input system/developer messages stay in place. Function and custom tools become
 * canonical tools, as do the members of namespace tools (under flat names; calls carrying a
 * `namespace` take the same names); built-in tools, tool choices naming them, `include`, `store`,
 * `metadata` and every other field pass through in `extra['openai-responses']` (null values too).
 * Stateful features (previous_response_id, conversation, background) are refused with a 400 naming them.
 */
export function openAIResponsesToCanonical(input: unknown): CanonicalRequest {
  const body = isObject(input) ? input : fail('Request body must be a JSON object', 'body')
  if (typeof body.previous_response_id === 'string' && body.previous_response_id !== '') fail(`previous_response_id is not supported. ${STATELESS}`, 'previous_response_id')
  if (body.conversation !== undefined && body.conversation !== null) fail(`conversation is not supported. ${STATELESS}`, 'conversation')
  if (body.background === true) fail('background responses are not supported: Tollgate does not store responses to poll later', 'background')
  if (body.input === undefined || body.input === null) fail("'input' is required", 'input')

  const extra = leftoverFields(body, MAPPED_KEYS) ?? {}
  for (const key of ['previous_response_id', 'conversation', 'background'] as const) {
    if (key in body) extra[key] = body[key]
  }
  const instructions = readOptionalString(body.instructions, 'instructions')
  if (instructions === '') extra.instructions = ''
  const names = createNamespaceToolNames(body.tools)
  const { tools, builtIn } = convertOpenAIResponsesTools(body.tools, names)
  if (builtIn) extra.tools = builtIn
  const { toolChoice, passThrough } = convertOpenAIResponsesToolChoice(body.tool_choice, names)
  if (passThrough !== undefined) extra.tool_choice = passThrough
  const text = splitObject(body.text, 'text', new Set(['format']), extra)
  const reasoning = splitObject(body.reasoning, 'reasoning', new Set(['effort', 'summary']), extra)

  const request: CanonicalRequest = {
    model: readString(body.model, 'model'),
    system: instructions ? [{ type: 'text', text: instructions }] : undefined,
    messages: convertOpenAIResponsesInput(body.input, names),
    tools,
    toolChoice,
    parallelToolCalls: readOptionalBoolean(body.parallel_tool_calls, 'parallel_tool_calls'),
    responseFormat: text && convertFormat(text.format),
    maxOutputTokens: readOptionalNumber(body.max_output_tokens, 'max_output_tokens', true),
    temperature: readOptionalNumber(body.temperature, 'temperature'),
    topP: readOptionalNumber(body.top_p, 'top_p'),
    reasoning: reasoning && convertReasoning(reasoning),
    user: readOptionalString(body.user, 'user'),
    stream: readOptionalBoolean(body.stream, 'stream') ?? false,
    extra: Object.keys(extra).length > 0 ? { [WIRE]: extra } : {},
  }
  for (const key in request) if (request[key as keyof CanonicalRequest] === undefined) delete request[key as keyof CanonicalRequest]
  return request
}
