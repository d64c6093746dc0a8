import type { ToolChoice, ToolDefinition } from '../../canonical/request'
import { customToolParameters } from '../../formats/openai-responses/openai-responses-custom-tools'
import { createNamespaceToolNames, type NamespaceToolNames } from '../../formats/openai-responses/openai-responses-namespace-tools'
import { fail, isObject, readArray, readObject, readOptionalBoolean, readOptionalString, readString } from '../openai-chat/read-openai-chat-fields'
import { convertOpenAIResponsesNamespaceTool } from './convert-openai-responses-namespace-tool'
import { leftoverFields } from './leftover-fields'

const WIRE = 'openai-responses'
const FUNCTION_KEYS = new Set(['type', 'name', 'description', 'parameters', 'strict'])
const CUSTOM_KEYS = new Set(['name', 'description'])

function functionTool(tool: Record<string, any>, param: string): ToolDefinition {
  const definition: ToolDefinition = {
    name: readString(tool.name, `${param}.name`),
    parameters: tool.parameters === undefined || tool.parameters === null ? { type: 'object', properties: {} } : readObject(tool.parameters, `${param}.parameters`),
  }
  const description = readOptionalString(tool.description, `${param}.description`)
  if (description !== undefined) definition.description = description
  const strict = readOptionalBoolean(tool.strict, `${param}.strict`)
  if (strict !== undefined) definition.strict = strict
  const extra = leftoverFields(tool, FUNCTION_KEYS)
  if (extra) definition.providerData = { [WIRE]: extra }
  return definition
}

/** A custom tool: one string parameter `input` (see customToolParameters); `type` and `format` stay in providerData. */
function customTool(tool: Record<string, any>, param: string): ToolDefinition {
  const definition: ToolDefinition = { name: readString(tool.name, `${param}.name`), parameters: customToolParameters(tool.format) }
  const description = readOptionalString(tool.description, `${param}.description`)
  if (description !== undefined) definition.description = description
  definition.providerData = { [WIRE]: leftoverFields(tool, CUSTOM_KEYS) ?? {} }
  return definition
}

const memberTool = (tool: Record<string, any>, param: string) => (tool.type === 'custom' ? customTool(tool, param) : functionTool(tool, param))

/**
 * `tools` -> canonical function tools (function and custom tools, and the members of namespace
 * tools under their flat names, in order) plus the built-in tools (web_search, file_search, mcp,
 * code_interpreter, ...) kept verbatim for the Responses provider.
 */
export function convertOpenAIResponsesTools(tools: unknown, names: NamespaceToolNames = createNamespaceToolNames(tools)): { tools?: ToolDefinition[]; builtIn?: unknown[] } {
  if (tools === undefined || tools === null) return {}
  const converted: ToolDefinition[] = []
  const builtIn: unknown[] = []
  readArray(tools, 'tools').forEach((tool, index) => {
    const object = readObject(tool, `tools[${index}]`)
    if (object.type === 'function') converted.push(functionTool(object, `tools[${index}]`))
    else if (object.type === 'custom') converted.push(customTool(object, `tools[${index}]`))
    else if (object.type === 'namespace') converted.push(...convertOpenAIResponsesNamespaceTool(object, index, names, memberTool))
    else if (typeof object.type === 'string') builtIn.push(object)
    else fail("Each tool needs a 'type'", `tools[${index}].type`)
  })
  return { ...(converted.length > 0 && { tools: converted }), ...(builtIn.length > 0 && { builtIn }) }
}

/**
 * `tool_choice` -> canonical; choices naming a built-in tool or an allowed set have no canonical form
 * (`passThrough`). A function named by a namespace member's own name means that member (flat name).
 */
export function convertOpenAIResponsesToolChoice(choice: unknown, names?: NamespaceToolNames): { toolChoice?: ToolChoice; passThrough?: unknown } {
  if (choice === undefined || choice === null) return {}
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { toolChoice: { type: choice } }
  if (!isObject(choice)) return fail("tool_choice must be 'auto', 'none', 'required' or an object", 'tool_choice')
  if (choice.type === 'function' || choice.type === 'custom') {
    const name = readString(choice.name, 'tool_choice.name')
    return { toolChoice: { type: 'tool', name: names ? names.choiceName(name) : name } }
  }
  return { passThrough: choice }
}
