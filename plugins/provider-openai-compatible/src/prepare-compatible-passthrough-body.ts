import type { ConversionContext } from '@tollgate/core'
import { prepareOpenAIChatPassthroughBody } from '@tollgate/provider-openai'
import { useSystemRole } from './adapt-compatible-request'

/**
 * Renames on a copy: `{ max_completion_tokens: 'max_tokens' }`, dotted targets nest
 * (`{ user: 'metadata.user_id' }`). Objects on a dotted path are copied, never changed in place.
 */
export function renameFields(body: Record<string, unknown>, renames: Record<string, string> | undefined): Record<string, unknown> {
  if (!renames) return body
  const renamed: Record<string, unknown> = { ...body }
  for (const [from, to] of Object.entries(renames)) {
    if (!(from in renamed)) continue
    const value = renamed[from]
    delete renamed[from]
    const path = to.split('.')
    let target = renamed
    for (const key of path.slice(0, -1)) {
      const next = target[key]
      target = target[key] = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {}
    }
    target[path[path.length - 1]] = value
  }
  return renamed
}

/**
 * Same-format fast path for a compatible service: OpenAI's adjustments (upstream model id,
 * `stream_options.include_usage` forced on to meter), `developer` → `system` unless the service
 * knows it, then the service's renames. Everything else is forwarded untouched.
 */
export function prepareCompatiblePassthroughBody(
  body: Record<string, unknown>,
  context: ConversionContext,
  options: { renames?: Record<string, string>; supportsDeveloperRole?: boolean },
): Record<string, unknown> {
  const prepared = prepareOpenAIChatPassthroughBody(body, context)
  if (!options.supportsDeveloperRole && prepared.messages !== undefined) prepared.messages = useSystemRole(prepared.messages)
  return renameFields(prepared, options.renames)
}
