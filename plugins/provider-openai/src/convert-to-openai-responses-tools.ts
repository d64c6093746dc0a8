import type { ToolChoice, ToolDefinition } from '@tollgate/core'

const WIRE = 'openai-responses'
type Wire = Record<string, unknown>
const isRecord = (value: unknown): value is Wire => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The namespace tool a canonical tool was a member of (set by the Responses dialect), if any. */
function namespaceOf(extra: Wire | undefined): (Wire & { name: string }) | undefined {
  const namespace = extra?.namespace
  return isRecord(namespace) && namespace.type === 'namespace' && typeof namespace.name === 'string' ? (namespace as Wire & { name: string }) : undefined
}

/**
 * Function tools in the flat Responses shape; custom tools (marked by the Responses dialect) as
 * `{type: 'custom', name, description, format}`. Wire fields kept by the dialect come last (a
 * namespace member's own `name` replaces its flat canonical name).
 */
function convertTool(tool: ToolDefinition, extra: Wire | undefined): Wire {
  const description = tool.description === undefined ? {} : { description: tool.description }
  if (extra?.type === 'custom') return { name: tool.name, ...description, ...extra }
  return { type: 'function', name: tool.name, ...description, parameters: tool.parameters, ...(tool.strict !== undefined && { strict: tool.strict }), ...extra }
}

/**
 * Canonical tools -> Responses `tools`, in order. Members of a client's namespace tool (flat names
 * in the canonical form) are grouped again into `{type: 'namespace', name, description, tools}` at
 * the place of the first one, under their own names.
 */
export function convertToOpenAIResponsesTools(tools: ToolDefinition[]): Wire[] {
  const converted: Wire[] = []
  const groups = new Map<string, Wire[]>()
  for (const tool of tools) {
    const extra = tool.providerData?.[WIRE]
    const namespace = namespaceOf(extra)
    if (!namespace) {
      converted.push(convertTool(tool, extra))
      continue
    }
    const { namespace: _, ...member } = extra!
    const group = groups.get(namespace.name)
    if (group) group.push(convertTool(tool, member))
    else {
      groups.set(namespace.name, [convertTool(tool, member)])
      converted.push({ ...namespace, tools: groups.get(namespace.name) })
    }
  }
  return converted
}

/** A forced tool choice names the function or custom tool (a namespace member by its own name: the wire choice has no namespace). */
export function convertToOpenAIResponsesToolChoice(choice: ToolChoice, tools: ToolDefinition[]): unknown {
  if (choice.type !== 'tool') return choice.type
  const extra = tools.find((tool) => tool.name === choice.name)?.providerData?.[WIRE]
  const name = namespaceOf(extra) && typeof extra?.name === 'string' ? extra.name : choice.name
  return { type: extra?.type === 'custom' ? 'custom' : 'function', name }
}
