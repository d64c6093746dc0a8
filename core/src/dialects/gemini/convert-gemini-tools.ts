import type { ToolChoice, ToolDefinition } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import { convertGeminiSchema } from '../../formats/gemini'

type Body = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isRecord = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value)

function requireRecord(value: unknown, param: string): Body {
  if (!isRecord(value)) throw invalid(`${param} must be an object`, param)
  return value
}

/**
 * A function declaration → canonical tool. `parametersJsonSchema` is JSON Schema already; the
 * OpenAPI-subset `parameters` is converted for other providers and kept verbatim in
 * `providerData.gemini.parameters` (null: the declaration had none) so Gemini gets it back as sent.
 */
function convertDeclaration(declaration: unknown, param: string): ToolDefinition {
  const { name, description, parameters, parametersJsonSchema, ...rest } = requireRecord(declaration, param)
  if (typeof name !== 'string') throw invalid(`${param}.name must be a string`, `${param}.name`)
  if (description !== undefined && typeof description !== 'string') throw invalid(`${param}.description must be a string`, `${param}.description`)
  const gemini: Body = { ...rest }
  let schema: Body
  if (parametersJsonSchema !== undefined) schema = requireRecord(parametersJsonSchema, `${param}.parametersJsonSchema`)
  else if (parameters !== undefined) schema = convertGeminiSchema(requireRecord(parameters, `${param}.parameters`)), (gemini.parameters = parameters)
  else (schema = { type: 'object', properties: {} }), (gemini.parameters = null)
  return {
    name,
    ...(description !== undefined && { description }),
    parameters: schema,
    ...(Object.keys(gemini).length > 0 && { providerData: { gemini } }),
  }
}

/** `tools`: function declarations become canonical tools; other tools (googleSearch, codeExecution, ...) go to `extra.tools` verbatim. */
export function convertGeminiTools(tools: unknown, extra: Body): ToolDefinition[] {
  if (!Array.isArray(tools)) throw invalid('tools must be an array', 'tools')
  const definitions: ToolDefinition[] = []
  const others: Body[] = []
  tools.forEach((tool, index) => {
    const { functionDeclarations, ...rest } = requireRecord(tool, `tools.${index}`)
    if (functionDeclarations !== undefined) {
      if (!Array.isArray(functionDeclarations)) throw invalid(`tools.${index}.functionDeclarations must be an array`, `tools.${index}.functionDeclarations`)
      functionDeclarations.forEach((declaration, j) => definitions.push(convertDeclaration(declaration, `tools.${index}.functionDeclarations.${j}`)))
    }
    if (Object.keys(rest).length > 0) others.push(rest)
  })
  if (others.length > 0) extra.tools = others
  return definitions
}

/**
 * `toolConfig.functionCallingConfig` → tool choice: AUTO → auto, NONE → none, ANY → required, or the
 * one tool when `allowedFunctionNames` names a single function. A longer allow-list (no canonical
 * form), other modes (VALIDATED) and the rest of toolConfig stay in `extra.toolConfig`.
 */
export function convertGeminiToolConfig(toolConfig: unknown, extra: Body): ToolChoice | undefined {
  const { functionCallingConfig, ...rest } = requireRecord(toolConfig, 'toolConfig')
  const leftover: Body = { ...rest }
  let choice: ToolChoice | undefined
  if (functionCallingConfig !== undefined) {
    const { mode, allowedFunctionNames: names, ...callingRest } = requireRecord(functionCallingConfig, 'toolConfig.functionCallingConfig')
    if (names !== undefined && (!Array.isArray(names) || !names.every((name) => typeof name === 'string'))) {
      throw invalid('toolConfig.functionCallingConfig.allowedFunctionNames must be an array of strings', 'toolConfig.functionCallingConfig.allowedFunctionNames')
    }
    const unmapped: Body = { ...callingRest }
    const upper = typeof mode === 'string' ? mode.toUpperCase() : undefined
    if (upper === 'AUTO' || upper === 'NONE') choice = { type: upper === 'AUTO' ? 'auto' : 'none' }
    else if (upper === 'ANY') choice = names?.length === 1 ? { type: 'tool', name: names[0] } : { type: 'required' }
    else if (mode !== undefined) unmapped.mode = mode
    if (names !== undefined && !(upper === 'ANY' && names.length === 1)) unmapped.allowedFunctionNames = names
    if (Object.keys(unmapped).length > 0) leftover.functionCallingConfig = unmapped
  }
  if (Object.keys(leftover).length > 0) extra.toolConfig = leftover
  return choice
}
