/**
 * Namespace tools (`{type: 'namespace', name, description, tools: [function or custom tools]}`,
 * sent by Codex CLI for its sub-agent and MCP tools) have no canonical form: their members become
 * canonical tools with flat, provider-safe names, and calls to them carry `name` + `namespace`
 * again on the Responses wire. These helpers name the members the same way wherever a body is read.
 */

/** A namespace member as the Responses wire names it. */
export interface NamespacedToolName {
  namespace: string
  name: string
}

/** The flat names of a request's namespace members, both ways. */
export interface NamespaceToolNames {
  /** flat name -> namespace + member name. */
  byFlatName: ReadonlyMap<string, NamespacedToolName>
  /** The flat name given to member `memberIndex` of `tools[toolIndex]`. */
  member(toolIndex: number, memberIndex: number): string | undefined
  /** The flat name of a namespaced name: the declared member's, else the plain join (a tool the request no longer offers). */
  flatName(namespace: string, name: string): string
  /** A name a client's tool_choice gives (no namespace on the wire): a top-level tool, else the first member so named. */
  choiceName(name: string): string
}

/** Provider-safe tool names: Anthropic, Gemini and OpenAI all accept `^[a-zA-Z0-9_-]{1,64}$`. */
export const MAX_TOOL_NAME_LENGTH = 64
const UNSAFE = /[^a-zA-Z0-9_-]/g

/** `<namespace>__<name>` with unsafe characters replaced by `_`, cut to 64 characters. */
export function flattenToolName(namespace: string, name: string): string {
  return `${namespace}__${name}`.replace(UNSAFE, '_').slice(0, MAX_TOOL_NAME_LENGTH)
}

/** `base`, or `base_2`, `base_3`, ... (cut so the whole stays within 64) when the name is taken. */
function unique(base: string, taken: Set<string>): string {
  let name = base
  for (let counter = 2; taken.has(name); counter++) name = `${base.slice(0, MAX_TOOL_NAME_LENGTH - `_${counter}`.length)}_${counter}`
  taken.add(name)
  return name
}

const isRecord = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value)
const key = (namespace: string, name: string) => `${namespace}\u0000${name}`

/**
 * Flat names for every namespace member of a Responses `tools` array, in order. A name already taken
 * (by a top-level tool or an earlier member) gets a numeric suffix. Never throws: malformed entries
 * are skipped here and refused with a 400 by the dialect.
 */
export function createNamespaceToolNames(tools: unknown): NamespaceToolNames {
  const list = Array.isArray(tools) ? tools : []
  const topLevel = new Set(list.flatMap((tool) => (isRecord(tool) && tool.type !== 'namespace' && typeof tool.name === 'string' ? [tool.name] : [])))
  const taken = new Set(topLevel)
  const byFlatName = new Map<string, NamespacedToolName>()
  const byPosition = new Map<string, string>()
  const byNamespacedName = new Map<string, string>()
  const byMemberName = new Map<string, string>()
  list.forEach((tool, toolIndex) => {
    if (!isRecord(tool) || tool.type !== 'namespace' || typeof tool.name !== 'string' || !Array.isArray(tool.tools)) return
    const namespace = tool.name
    tool.tools.forEach((member: unknown, memberIndex: number) => {
      if (!isRecord(member) || typeof member.name !== 'string') return
      const flat = unique(flattenToolName(namespace, member.name), taken)
      byFlatName.set(flat, { namespace, name: member.name })
      byPosition.set(`${toolIndex}:${memberIndex}`, flat)
      if (!byNamespacedName.has(key(namespace, member.name))) byNamespacedName.set(key(namespace, member.name), flat)
      if (!byMemberName.has(member.name)) byMemberName.set(member.name, flat)
    })
  })
  return {
    byFlatName,
    member: (toolIndex, memberIndex) => byPosition.get(`${toolIndex}:${memberIndex}`),
    flatName: (namespace, name) => byNamespacedName.get(key(namespace, name)) ?? flattenToolName(namespace, name),
    choiceName: (name) => (topLevel.has(name) ? name : (byMemberName.get(name) ?? name)),
  }
}
