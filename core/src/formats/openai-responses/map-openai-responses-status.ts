import type { FinishReason } from '../../canonical/response'

export interface OpenAIResponsesStatus {
  status?: string | null
  incomplete_details?: { reason?: string | null } | null
}

/**
 * `status` + `incomplete_details` -> canonical finish reason. `completed` is `tool-calls` when the
 * response produced function (or custom tool) calls, else `stop`; `incomplete` says why
 * (max_output_tokens -> length, content_filter -> content-filter); `failed` is `error`.
 */
export function mapOpenAIResponsesFinishReason(response: OpenAIResponsesStatus, producedToolCalls: boolean): FinishReason {
  switch (response.status) {
    case 'completed':
      return producedToolCalls ? 'tool-calls' : 'stop'
    case 'incomplete': {
      const reason = response.incomplete_details?.reason
      return reason === 'max_output_tokens' ? 'length' : reason === 'content_filter' ? 'content-filter' : 'other'
    }
    case 'failed':
      return 'error'
    default:
      return 'other'
  }
}

/** The provider's own words for the finish: the incomplete reason when there is one, else the status. */
export function rawOpenAIResponsesFinishReason(response: OpenAIResponsesStatus): string | undefined {
  return response.incomplete_details?.reason ?? response.status ?? undefined
}

/**
 * Canonical finish reason -> `status` + `incomplete_details`. Reasons the Responses API has no word
 * for (stop-sequence, refusal, pause, other) end as `completed`.
 */
export function mapToOpenAIResponsesStatus(finishReason: FinishReason): {
  status: 'completed' | 'incomplete' | 'failed'
  incompleteDetails: { reason: string } | null
} {
  switch (finishReason) {
    case 'length':
      return { status: 'incomplete', incompleteDetails: { reason: 'max_output_tokens' } }
    case 'content-filter':
      return { status: 'incomplete', incompleteDetails: { reason: 'content_filter' } }
    case 'error':
      return { status: 'failed', incompleteDetails: null }
    default:
      return { status: 'completed', incompleteDetails: null }
  }
}
