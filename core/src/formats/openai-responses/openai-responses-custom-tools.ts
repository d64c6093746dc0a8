import type { ToolDefinition } from '../../canonical/request'

/**
 * Custom (freeform) tools take plain text, not JSON arguments. In the canonical form a custom tool
 * is a function tool with one string parameter `input` (its format, e.g. a Lark grammar, described
 * in that parameter), and a custom tool call's arguments are `{"input": "<text>"}`: any provider
 * can call it, and the Responses dialect and provider unwrap the text again.
 */
export const CUSTOM_TOOL_PARAMETER = 'input'

export function describeCustomToolFormat(format: unknown): string {
  const value = (format ?? {}) as { type?: string; syntax?: string; definition?: string }
  if (value.type === 'grammar' && typeof value.definition === 'string') {
    const syntax = value.syntax ? `${value.syntax} ` : ''
    return `Freeform text that must match this ${syntax}grammar:\n${value.definition}`
  }
  return 'Freeform text input'
}

/** The canonical JSON Schema of a custom tool's arguments. */
export function customToolParameters(format: unknown): ToolDefinition['parameters'] {
  return {
    type: 'object',
    properties: { [CUSTOM_TOOL_PARAMETER]: { type: 'string', description: describeCustomToolFormat(format) } },
    required: [CUSTOM_TOOL_PARAMETER],
    additionalProperties: false,
  }
}

/** Freeform input -> canonical tool-call arguments. */
export function customToolArguments(input: string): string {
  return JSON.stringify({ [CUSTOM_TOOL_PARAMETER]: input })
}

/** Canonical tool-call arguments -> freeform input (arguments that are not `{"input": "..."}` are taken as the text itself). */
export function customToolInput(argumentsText: string): string {
  try {
    const parsed = JSON.parse(argumentsText)
    if (typeof parsed?.[CUSTOM_TOOL_PARAMETER] === 'string') return parsed[CUSTOM_TOOL_PARAMETER]
  } catch {}
  return argumentsText
}
