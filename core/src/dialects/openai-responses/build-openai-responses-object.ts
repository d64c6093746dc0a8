import type { OpenAIResponsesError, OpenAIResponsesOutputItem, OpenAIResponsesResponse, OpenAIResponsesUsage } from '../../formats/openai-responses/openai-responses-types'

/** Responses ids start with `resp_`; ids minted elsewhere get the prefix. */
export const openAIResponsesId = (id: string) => (id.startsWith('resp_') ? id : `resp_${id}`)

/** Item ids derived from the response id and the output index: `msg_<response>_<n>`, `fc_...`, `rs_...`. */
export function createItemIds(responseId: string) {
  const base = responseId.startsWith('resp_') ? responseId.slice(5) : responseId
  return (prefix: string, outputIndex: number) => `${prefix}_${base}_${outputIndex}`
}

export interface ResponseObjectFields {
  id: string
  createdAt: number
  status: 'in_progress' | 'completed' | 'incomplete' | 'failed'
  model: string
  echo: Record<string, unknown>
  output: OpenAIResponsesOutputItem[]
  usage: OpenAIResponsesUsage | null
  error?: OpenAIResponsesError | null
  incompleteDetails?: { reason: string } | null
}

/** The `response` object, fields in OpenAI's order, repeating the request configuration (`echo`). */
export function buildOpenAIResponsesObject(fields: ResponseObjectFields): OpenAIResponsesResponse {
  const { instructions, max_output_tokens, ...rest } = fields.echo
  return {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    error: fields.error ?? null,
    incomplete_details: fields.incompleteDetails ?? null,
    instructions,
    max_output_tokens,
    model: fields.model,
    output: fields.output,
    ...rest,
    usage: fields.usage,
  }
}
