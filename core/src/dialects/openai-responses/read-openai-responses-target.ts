import { createNamespaceToolNames, type NamespacedToolName, type NamespaceToolNames } from '../../formats/openai-responses/openai-responses-namespace-tools'
import type { RenderContext, RequestTarget } from '../../plugin/dialect'

/**
 * What the renderers need from the request: which tools are custom tools, which canonical tool
 * names stand for namespace members (flat name -> namespace + wire name), and the request fields a
 * `response` repeats.
 */
export interface OpenAIResponsesRenderOptions {
  customTools: ReadonlySet<string>
  namespacedTools: ReadonlyMap<string, NamespacedToolName>
  echo: Record<string, unknown>
}

const orNull = (value: unknown) => (value === undefined ? null : value)

/** The request configuration a `response` object repeats (as OpenAI does; typed clients expect these fields). */
function echoFields(body: Record<string, any>): Record<string, unknown> {
  return {
    instructions: typeof body.instructions === 'string' ? body.instructions : null,
    max_output_tokens: orNull(body.max_output_tokens),
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    temperature: orNull(body.temperature),
    text: { format: body.text?.format ?? { type: 'text' }, ...(body.text?.verbosity !== undefined && { verbosity: body.text.verbosity }) },
    tool_choice: body.tool_choice ?? 'auto',
    tools: Array.isArray(body.tools) ? body.tools : [],
    top_p: orNull(body.top_p),
    truncation: body.truncation ?? 'disabled',
    user: orNull(body.user),
    metadata: body.metadata ?? {},
  }
}

/** Canonical names of the custom tools: top-level ones and namespace members (by their flat names). */
function customToolNames(tools: unknown[], namespaceNames: NamespaceToolNames): Set<string> {
  const custom = (tool: any) => tool?.type === 'custom' && typeof tool.name === 'string'
  const names = new Set<string>()
  tools.forEach((tool: any, toolIndex) => {
    if (custom(tool)) names.add(tool.name)
    else if (tool?.type === 'namespace' && Array.isArray(tool.tools)) {
      tool.tools.forEach((member: unknown, memberIndex: number) => {
        const flat = custom(member) ? namespaceNames.member(toolIndex, memberIndex) : undefined
        if (flat !== undefined) names.add(flat)
      })
    }
  })
  return names
}

/**
 * Model and stream flag from the body, plus the render options: the names of the client's custom
 * tools (their calls are rendered as custom_tool_call), the flat names of namespace members (their
 * calls are rendered with the wire name and `namespace`) and the echoed request fields. Never
 * throws: a malformed body is refused later by openAIResponsesToCanonical with a 400 naming the field.
 */
export function readOpenAIResponsesTarget(input: unknown): RequestTarget {
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, any>
  const tools: unknown[] = Array.isArray(body.tools) ? body.tools : []
  const namespaceNames = createNamespaceToolNames(tools)
  const options: OpenAIResponsesRenderOptions = { customTools: customToolNames(tools, namespaceNames), namespacedTools: namespaceNames.byFlatName, echo: echoFields(body) }
  const maxOutputTokens = typeof body.max_output_tokens === 'number' ? body.max_output_tokens : undefined
  return { model: body.model, stream: body.stream === true, includeUsage: false, maxOutputTokens, options: options as unknown as Record<string, unknown> }
}

/** The render options of a context (defaults when the target was not read by this dialect). */
export function readRenderOptions(context: RenderContext): OpenAIResponsesRenderOptions {
  const options = context.options as Partial<OpenAIResponsesRenderOptions> | undefined
  return { customTools: options?.customTools ?? new Set(), namespacedTools: options?.namespacedTools ?? new Map(), echo: options?.echo ?? echoFields({}) }
}
