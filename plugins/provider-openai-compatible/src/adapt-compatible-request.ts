import type { ConvertedRequest, Warning } from '@tollgate/core'
import type { OpenAICompatibleOptions } from './openai-compatible-options'

type Adaptation = Pick<OpenAICompatibleOptions, 'drops' | 'supportsStreamUsage' | 'supportsDeveloperRole'> & { name: string }

/** `developer` messages as `system` ones (the same instruction, in the role most servers know). */
export function useSystemRole(messages: unknown): unknown {
  if (!Array.isArray(messages) || !messages.some((message) => message?.role === 'developer')) return messages
  return messages.map((message) => (message?.role === 'developer' ? { ...message, role: 'system' } : message))
}

/**
 * An OpenAI Chat body made fit for a compatible service: `developer` → `system`, no
 * `stream_options` where the service rejects them (the gateway still meters and still gives the
 * client its usage chunk), and the service's unsupported fields removed. Every client field that
 * is removed becomes a warning; renames are applied by core afterwards (`spec.renames`).
 */
export function adaptCompatibleRequest(converted: ConvertedRequest, options: Adaptation): ConvertedRequest {
  const body: Record<string, unknown> = { ...converted.body }
  const warnings: Warning[] = [...(converted.warnings ?? [])]
  if (!options.supportsDeveloperRole) body.messages = useSystemRole(body.messages)
  if (options.supportsStreamUsage === false && body.stream_options !== undefined) {
    const { include_usage: _includeUsage, ...others } = body.stream_options as Record<string, unknown>
    delete body.stream_options
    const names = Object.keys(others)
    if (names.length > 0) warnings.push({ param: 'stream_options', message: `${options.name} does not accept stream_options; ${names.join(', ')} not sent` })
  }
  for (const param of options.drops ?? []) {
    if (!(param in body)) continue
    delete body[param]
    warnings.push({ param, message: `${options.name} does not accept '${param}'; it was not sent` })
  }
  return warnings.length > 0 ? { ...converted, body, warnings } : { ...converted, body }
}
