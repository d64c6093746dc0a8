import type { FinishReason } from '../../canonical/response'

/** OpenAI `finish_reason` -> canonical. */
export function mapOpenAIChatFinishReason(finishReason: string | null | undefined): FinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop'
    case 'length':
      return 'length'
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls'
    case 'content_filter':
      return 'content-filter'
    default:
      return 'other'
  }
}

/** Canonical -> OpenAI `finish_reason` (OpenAI has no stop-sequence/refusal/pause/error: those end as `stop`). */
export function mapToOpenAIChatFinishReason(finishReason: FinishReason): string {
  switch (finishReason) {
    case 'length':
      return 'length'
    case 'tool-calls':
      return 'tool_calls'
    case 'content-filter':
      return 'content_filter'
    default:
      return 'stop'
  }
}
