import { GatewayError } from '../errors/gateway-error'

/** `/messages/0/content` → `messages[0].content` */
export function jsonPointerToParam(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('')
}

interface ValidationIssue {
  path: string
  message: string
  summary?: string
}

/** Translate Elysia's own errors (parse, validation, not found) into gateway errors. */
export function elysiaErrorToGatewayError(code: string | number, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error
  const cause = (error as { cause?: unknown })?.cause
  if (cause instanceof GatewayError) return cause
  if (code === 'PARSE') return new GatewayError({ status: 400, code: 'invalid_json', message: 'The request body could not be parsed' })
  if (code === 'VALIDATION') {
    const issues = ((error as { all?: ValidationIssue[] }).all ?? []) as ValidationIssue[]
    const issue = issues.find((candidate) => candidate.path) ?? issues[0]
    const param = issue ? jsonPointerToParam(issue.path) : null
    const detail = issue?.summary ?? issue?.message ?? 'Invalid request body'
    return new GatewayError({ status: 400, param, code: 'invalid_request', message: param ? `Invalid value for '${param}': ${detail}` : detail })
  }
  if (code === 'NOT_FOUND') return new GatewayError({ status: 404, code: 'unknown_route', message: 'Unknown route' })
  return GatewayError.from(error)
}
