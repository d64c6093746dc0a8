import type { AssistantPart, ProviderData } from './content'
import type { Usage } from './usage'

/**
 * Why generation stopped. `stop` is a natural end; `stop-sequence` a client stop sequence
 * (`stopSequence` says which); `length` the token limit; `tool-calls` the model wants tools run;
 * `content-filter` a safety block; `refusal` a model refusal; `pause` a paused long turn
 * (Anthropic pause_turn); `error` and `other` everything else.
 */
export type FinishReason =
  | 'stop'
  | 'stop-sequence'
  | 'length'
  | 'tool-calls'
  | 'content-filter'
  | 'refusal'
  | 'pause'
  | 'error'
  | 'other'

export interface CanonicalResponse {
  id: string
  /** The model the upstream says served the request. */
  model: string
  /** Unix seconds. */
  created: number
  content: AssistantPart[]
  finishReason: FinishReason
  /** The provider's own finish reason string, kept for same-dialect fidelity. */
  rawFinishReason?: string
  stopSequence?: string
  usage: Usage
  /** OpenAI refusal text, when the model refused. */
  refusal?: string
  providerData?: ProviderData
}
