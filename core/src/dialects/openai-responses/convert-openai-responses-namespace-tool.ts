import type { ToolDefinition } from '../../canonical/request'
import type { NamespaceToolNames } from '../../formats/openai-responses/openai-responses-namespace-tools'
import { fail, readArray, readObject, readString } from '../openai-chat/read-openai-chat-fields'
import { leftoverFields } from './leftover-fields'

const WIRE = 'openai-responses'
const NAMESPACE_KEYS = new Set(['name', 'tools'])
const MEMBER_TYPES = new Set(['function', 'custom'])

/**
 * A namespace tool -> one canonical tool per member (function or custom tool), named with its flat
 * name (see createNamespaceToolNames). Each keeps in providerData['openai-responses'] its wire
 * `name` and the enclosing `namespace` (the namespace tool without its members), so the Responses
 * provider can group the members again.
 */
export function convertOpenAIResponsesNamespaceTool(
  tool: Record<string, any>,
  toolIndex: number,
  names: NamespaceToolNames,
  convertMember: (member: Record<string, any>, param: string) => ToolDefinition,
): ToolDefinition[] {
  const param = `tools[${toolIndex}]`
  const namespace = { type: 'namespace', name: readString(tool.name, `${param}.name`), ...leftoverFields(tool, NAMESPACE_KEYS) }
  return readArray(tool.tools, `${param}.tools`).map((raw, memberIndex) => {
    const memberParam = `${param}.tools[${memberIndex}]`
    const member = readObject(raw, memberParam)
    if (!MEMBER_TYPES.has(member.type)) fail(`A namespace holds function and custom tools, not '${String(member.type)}'`, `${memberParam}.type`)
    const definition = convertMember(member, memberParam)
    const wireName = definition.name
    definition.name = names.member(toolIndex, memberIndex) ?? names.flatName(namespace.name, wireName)
    definition.providerData = { [WIRE]: { ...definition.providerData?.[WIRE], name: wireName, namespace } }
    return definition
  })
}
