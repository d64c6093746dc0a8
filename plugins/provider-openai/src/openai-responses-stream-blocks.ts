import type { StreamEvent } from '@tollgate/core'

/** A fragment of text as it appears inside a JSON string (custom tool input streamed as `{"input": "..."}`). */
const jsonFragment = (text: string) => JSON.stringify(text).slice(1, -1)

export interface ResponsesStreamBlock {
  type: 'text' | 'reasoning' | 'tool-call'
  index: number
  /** Characters delivered so far (0: a `.done` event must deliver the whole value). */
  streamed: number
  /** A custom tool call: its input is wrapped as `{"input": "..."}`. */
  custom?: boolean
}

/**
 * The open canonical blocks of a Responses stream, keyed by item id (`<item id>:<content index>`
 * for text parts): canonical indexes in order of start, deltas, and closing (custom tool calls get
 * the closing `"}` of their wrapped input).
 */
export function createResponsesStreamBlocks() {
  const blocks = new Map<string, ResponsesStreamBlock>()
  /** Text parts already closed (output_item.done of their message must not deliver them again). */
  const finishedParts = new Set<string>()
  let nextIndex = 0

  function close(out: StreamEvent[], key: string, fields: Record<string, unknown> = {}) {
    const block = blocks.get(key)
    if (!block) return
    blocks.delete(key)
    if (block.type === 'text') finishedParts.add(key)
    if (block.custom) out.push({ type: 'tool-call-delta', index: block.index, argumentsDelta: '"}' })
    out.push({ type: `${block.type}-end`, index: block.index, ...fields } as StreamEvent)
  }

  return {
    get: (key: string) => blocks.get(key),
    finished: (key: string) => finishedParts.has(key),
    /** The index of a block that opens and closes at once (provider blocks). */
    takeIndex: () => nextIndex++,
    open(out: StreamEvent[], key: string, type: ResponsesStreamBlock['type'], fields: Record<string, unknown> = {}, custom = false): ResponsesStreamBlock {
      const block: ResponsesStreamBlock = { type, index: nextIndex++, streamed: 0, ...(custom && { custom }) }
      blocks.set(key, block)
      out.push({ type: `${type}-start`, index: block.index, ...fields } as StreamEvent)
      if (custom) out.push({ type: 'tool-call-delta', index: block.index, argumentsDelta: '{"input":"' })
      return block
    },
    delta(out: StreamEvent[], block: ResponsesStreamBlock | undefined, text: string | undefined) {
      if (!block || !text) return
      block.streamed += text.length
      if (block.type === 'text') out.push({ type: 'text-delta', index: block.index, delta: text })
      else if (block.type === 'reasoning') out.push({ type: 'reasoning-delta', index: block.index, delta: text })
      else out.push({ type: 'tool-call-delta', index: block.index, argumentsDelta: block.custom ? jsonFragment(text) : text })
    },
    close,
    closeAll(out: StreamEvent[]) {
      for (const key of [...blocks.keys()]) close(out, key)
    },
  }
}
