import type { FinishReason } from '../../canonical/response'

const CONTENT_FILTER = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION'])
const ERROR = new Set(['MALFORMED_FUNCTION_CALL', 'UNEXPECTED_TOOL_CALL', 'TOO_MANY_TOOL_CALLS', 'MISSING_THOUGHT_SIGNATURE', 'MALFORMED_RESPONSE'])
const OTHER = new Set(['FINISH_REASON_UNSPECIFIED', 'LANGUAGE', 'OTHER', 'IMAGE_OTHER', 'NO_IMAGE'])

/** Every Gemini `finishReason` value this gateway knows (a raw reason in this set is passed back as is). */
export const GEMINI_FINISH_REASONS: ReadonlySet<string> = new Set(['STOP', 'MAX_TOKENS', ...CONTENT_FILTER, ...ERROR, ...OTHER])

/**
 * Gemini `finishReason` → canonical. Gemini ends a function-calling answer with STOP: a candidate
 * holding functionCall parts is `tool-calls` (unless it was cut: MAX_TOKENS stays `length`).
 * Safety-like reasons are `content-filter`; malformed or unexpected tool calls are `error`.
 */
export function mapGeminiFinishReason(finishReason: string | null | undefined, hasFunctionCalls = false): FinishReason {
  if (finishReason === 'MAX_TOKENS') return 'length'
  if (hasFunctionCalls && (finishReason === 'STOP' || !finishReason)) return 'tool-calls'
  if (finishReason === 'STOP') return 'stop'
  if (finishReason && CONTENT_FILTER.has(finishReason)) return 'content-filter'
  if (finishReason && ERROR.has(finishReason)) return 'error'
  return 'other'
}

/** `promptFeedback.blockReason` (the prompt itself was blocked, no candidate) → canonical. */
export function mapGeminiBlockReason(_blockReason: string): FinishReason {
  return 'content-filter'
}

/**
 * Canonical → Gemini `finishReason`. A raw reason that is already a Gemini value (the answer came
 * from Gemini) is kept; otherwise: stop, stop-sequence, tool-calls and pause → STOP; length →
 * MAX_TOKENS; content-filter and refusal → SAFETY; error and other → OTHER.
 */
export function mapToGeminiFinishReason(finishReason: FinishReason, rawFinishReason?: string): string {
  if (rawFinishReason !== undefined && GEMINI_FINISH_REASONS.has(rawFinishReason)) return rawFinishReason
  switch (finishReason) {
    case 'length':
      return 'MAX_TOKENS'
    case 'content-filter':
    case 'refusal':
      return 'SAFETY'
    case 'error':
    case 'other':
      return 'OTHER'
    default:
      return 'STOP'
  }
}
