import { bodyLength } from '../http/read-json-body'

/**
 * A cheap upper-bound estimate of a request's input tokens for admission control: about four
 * characters of JSON per token. It never parses the body again; reservations made with it are
 * settled against the real usage the provider reports.
 */
export function estimateInputTokens(request: Request): number {
  return Math.ceil(bodyLength(request) / 4)
}
