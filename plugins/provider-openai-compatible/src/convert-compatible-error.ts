import type { GatewayErrorInit } from '@tollgate/core'
import { convertOpenAIError } from '@tollgate/provider-openai'

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool'])

/** Keys of compatible services that upstream messages may echo (`sk-...` is masked by the OpenAI mapping). */
export function redactCompatibleSecrets(text: string): string {
  return text.replace(/\b(gsk|xai|fw)[_-][A-Za-z0-9_\-]{8,}/g, '$1-***')
}

/** A pydantic `loc` (`["body", "messages", 0, "user", "name"]`) -> `messages[0].name` (the role tag of a union is left out). */
function locationToParam(location: unknown): string | undefined {
  if (!Array.isArray(location)) return undefined
  let param = ''
  location.forEach((segment, position) => {
    if (position === 0 && segment === 'body') return
    if (typeof segment === 'number') param += `[${segment}]`
    else if (!(ROLES.has(String(segment)) && typeof location[position - 1] === 'number')) param += param === '' ? String(segment) : `.${segment}`
  })
  return param === '' ? undefined : param
}

/** Validation errors of FastAPI/pydantic servers (Mistral: `{object: 'error', message: {detail: [...]}}`, or `{detail: [...]}`). */
function readValidationDetail(envelope: Record<string, any>): { message: string; param?: string } | undefined {
  const detail = Array.isArray(envelope.detail) ? envelope.detail : Array.isArray(envelope.message?.detail) ? envelope.message.detail : undefined
  if (!detail || detail.length === 0) return undefined
  const lines = detail.map((item: { loc?: unknown; msg?: unknown }) => {
    const param = locationToParam(item?.loc)
    const text = typeof item?.msg === 'string' ? item.msg : 'invalid value'
    return param === undefined ? text : `${param}: ${text}`
  })
  return { message: lines.join('; '), param: locationToParam(detail[0]?.loc) }
}

/**
 * A compatible service's error body -> the gateway's error. The OpenAI envelope is the common
 * case; pydantic validation lists (Mistral's 422 `extra_forbidden`) and a bare `{error: "text"}`
 * (some local servers) are read too. The OpenAI mapping then applies: 401/403 are the gateway's
 * own key (502, no upstream text), 404 about a model stays a 404, 5xx become 502.
 */
export function convertCompatibleError(status: number, body: unknown, headers: Headers): GatewayErrorInit {
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, any>) : {}
  const validation = readValidationDetail(envelope)
  let normalized: unknown = body
  if (validation) normalized = { error: { message: validation.message, param: validation.param ?? null, code: envelope.code ?? null } }
  else if (typeof envelope.error === 'string') normalized = { error: { message: envelope.error } }
  const error = convertOpenAIError(status, normalized, headers)
  return { ...error, message: redactCompatibleSecrets(error.message) }
}
