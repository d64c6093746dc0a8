import type { ProviderData } from '../../canonical/content'
import type { OpenAIResponsesEventWriter } from './openai-responses-event-writer'
import { textAnnotations } from './render-openai-responses-output'

interface OpenMessage {
  id: string
  outputIndex: number
  content: Array<Record<string, unknown>>
  refusal?: { contentIndex: number; text: string }
}

/**
 * The assistant message item of a Responses stream: opened by the first text block (or refusal
 * delta), one output_text content part per canonical text block, a refusal part for refusal
 * deltas, and closed (output_item.done) when another kind of item starts or the response ends.
 */
export function createOpenAIResponsesMessageRenderer(writer: OpenAIResponsesEventWriter, itemId: (prefix: string, outputIndex: number) => string) {
  let message: OpenMessage | undefined
  const texts = new Map<number, { contentIndex: number; text: string }>()

  function open(): { out: string; current: OpenMessage } {
    if (message) return { out: '', current: message }
    const id = itemId('msg', writer.nextIndex())
    const { out, outputIndex } = writer.add({ id, type: 'message', status: 'in_progress', content: [], role: 'assistant' })
    message = { id, outputIndex, content: [] }
    return { out, current: message }
  }

  const partHead = (current: OpenMessage, contentIndex: number) => ({ item_id: current.id, output_index: current.outputIndex, content_index: contentIndex })

  return {
    textStart(index: number): string {
      const { out, current } = open()
      const contentIndex = current.content.length
      current.content.push({ type: 'output_text', annotations: [], text: '' })
      texts.set(index, { contentIndex, text: '' })
      return out + writer.emit('response.content_part.added', { ...partHead(current, contentIndex), part: { type: 'output_text', annotations: [], text: '' } })
    },
    textDelta(index: number, delta: string): string {
      const text = texts.get(index)
      if (!text || !message || delta === '') return ''
      text.text += delta
      return writer.delta('response.output_text.delta', `${writer.head(message.id, message.outputIndex)},"content_index":${text.contentIndex},"logprobs":[]`, delta)
    },
    textEnd(index: number, providerData: ProviderData | undefined): string {
      const text = texts.get(index)
      if (!text || !message) return ''
      const head = partHead(message, text.contentIndex)
      const annotations = textAnnotations(providerData)
      let out = ''
      annotations.forEach((annotation, annotationIndex) => (out += writer.emit('response.output_text.annotation.added', { ...head, annotation_index: annotationIndex, annotation })))
      const part = { type: 'output_text', annotations, text: text.text }
      message.content[text.contentIndex] = part
      return out + writer.emit('response.output_text.done', { ...head, text: text.text, logprobs: [] }) + writer.emit('response.content_part.done', { ...head, part })
    },
    refusalDelta(delta: string): string {
      let { out, current } = open()
      if (!current.refusal) {
        current.refusal = { contentIndex: current.content.length, text: '' }
        current.content.push({ type: 'refusal', refusal: '' })
        out += writer.emit('response.content_part.added', { ...partHead(current, current.refusal.contentIndex), part: { type: 'refusal', refusal: '' } })
      }
      current.refusal.text += delta
      current.content[current.refusal.contentIndex] = { type: 'refusal', refusal: current.refusal.text }
      return out + writer.delta('response.refusal.delta', `${writer.head(current.id, current.outputIndex)},"content_index":${current.refusal.contentIndex}`, delta)
    },
    /** Close the open message item, if any (its refusal part first). */
    close(): string {
      if (!message) return ''
      const { id, outputIndex, content, refusal } = message
      let out = ''
      if (refusal) {
        out += writer.emit('response.refusal.done', { ...partHead(message, refusal.contentIndex), refusal: refusal.text })
        out += writer.emit('response.content_part.done', { ...partHead(message, refusal.contentIndex), part: content[refusal.contentIndex] })
      }
      message = undefined
      return out + writer.done(outputIndex, { id, type: 'message', status: 'completed', content, role: 'assistant' })
    },
  }
}
