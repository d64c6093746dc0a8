/** google.rpc.Code names by HTTP status, as Google APIs pair them. */
const BY_HTTP_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  402: 'FAILED_PRECONDITION',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  413: 'INVALID_ARGUMENT',
  415: 'INVALID_ARGUMENT',
  422: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  502: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

/**
 * HTTP status → the `status` string of a Google error (`{error: {code, message, status}}`). A 502
 * (the gateway's upstream failed) is INTERNAL; unlisted 4xx are INVALID_ARGUMENT, 5xx UNKNOWN.
 */
export function googleStatusForHttpStatus(status: number): string {
  return BY_HTTP_STATUS[status] ?? (status >= 500 ? 'UNKNOWN' : 'INVALID_ARGUMENT')
}
