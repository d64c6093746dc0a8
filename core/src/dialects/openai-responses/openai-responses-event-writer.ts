import type { OpenAIResponsesOutputItem } from '../../formats/openai-responses/openai-responses-types'
import { encodeSse } from '../../sse/encode-sse'

const json = JSON.stringify

/**
 * Writes Responses SSE events (`event: <type>`, data with a `sequence_number` counted from 0) and
 * keeps the output items in order: an item's slot is reserved when it is announced
 * (output_item.added) and filled when it is done (output_item.done).
 */
export function createOpenAIResponsesEventWriter() {
  let sequence = 0
  const output: Array<OpenAIResponsesOutputItem | undefined> = []

  const emit = (type: string, fields: Record<string, unknown>) => encodeSse(json({ type, ...fields, sequence_number: sequence++ }), type)

  return {
    emit,
    /** A delta event built by concatenation: one JSON.stringify of the delta text (`head` is the JSON of the fields before it). */
    delta: (type: string, head: string, delta: string) => encodeSse(`{"type":"${type}",${head},"delta":${json(delta)},"sequence_number":${sequence++}}`, type),
    head: (itemId: string, outputIndex: number) => `"item_id":${json(itemId)},"output_index":${outputIndex}`,
    /** The output index the next announced item gets. */
    nextIndex: () => output.length,
    add(item: OpenAIResponsesOutputItem): { out: string; outputIndex: number } {
      const outputIndex = output.length
      output.push(undefined)
      return { out: emit('response.output_item.added', { output_index: outputIndex, item }), outputIndex }
    },
    done(outputIndex: number, item: OpenAIResponsesOutputItem): string {
      output[outputIndex] = item
      return emit('response.output_item.done', { output_index: outputIndex, item })
    },
    /** The items done so far, in output order. */
    finished: () => output.filter((item): item is OpenAIResponsesOutputItem => item !== undefined),
  }
}

export type OpenAIResponsesEventWriter = ReturnType<typeof createOpenAIResponsesEventWriter>
