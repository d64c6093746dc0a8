/**
 * A cheap upper-bound estimate of a request's input tokens for admission control: about four
 * bytes of JSON per token. It never parses the body again; reservations made with it are settled
 * against the real usage the provider reports.
 */
export function estimateInputTokens(request: Request): number {
  const length = Number(request.headers.get('content-length') ?? 0)
  return Number.isFinite(length) && length > 0 ? Math.ceil(length / 4) : 0
}
