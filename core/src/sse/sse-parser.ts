/** One Server-Sent Event as it came off the wire. */
export interface SseEvent {
  event?: string
  data: string
  id?: string
}

/**
 * Incremental SSE parser (WHATWG event-stream rules): feed it decoded text in chunks of any size,
 * split anywhere (including between `\r` and `\n`); it returns the events completed so far.
 */
export function createSseParser() {
  let buffer = ''
  let pendingCR = false
  let eventName: string | undefined
  /** Data lines of the event in progress (undefined: none yet), joined with \n as they come. */
  let data: string | undefined
  let id: string | undefined

  function line(text: string, out: SseEvent[]) {
    if (text === '') {
      if (data !== undefined) out.push({ event: eventName, data, id })
      eventName = undefined
      data = undefined
      return
    }
    if (text.charCodeAt(0) === 58 /* : */) return
    const colon = text.indexOf(':')
    const field = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? '' : text.slice(colon + 1)
    if (value.charCodeAt(0) === 32) value = value.slice(1)
    if (field === 'data') data = data === undefined ? value : `${data}\n${value}`
    else if (field === 'event') eventName = value
    else if (field === 'id') id = value
  }

  return {
    push(chunk: string): SseEvent[] {
      const out: SseEvent[] = []
      let text = chunk
      if (pendingCR) {
        pendingCR = false
        if (text.charCodeAt(0) === 10) text = text.slice(1)
      }
      buffer = buffer === '' ? text : buffer + text
      let start = 0
      if (buffer.indexOf('\r') === -1) {
        // LF-only framing (OpenAI, Anthropic): let the engine find the line ends.
        for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
          line(buffer.slice(start, end), out)
          start = end + 1
        }
      } else {
        for (let i = 0; i < buffer.length; i++) {
          const c = buffer.charCodeAt(i)
          if (c !== 10 && c !== 13) continue
          line(buffer.slice(start, i), out)
          if (c === 13) {
            if (i + 1 === buffer.length) pendingCR = true
            else if (buffer.charCodeAt(i + 1) === 10) i++
          }
          start = i + 1
        }
      }
      if (start > 0) buffer = buffer.slice(start)
      return out
    },
    /**
     * End of stream. Per the WHATWG rules an event not closed by its blank line is incomplete
     * and is discarded (a cut connection must not deliver half a JSON payload).
     */
    end(): SseEvent[] {
      buffer = ''
      data = undefined
      eventName = undefined
      return []
    },
  }
}

/** Parse a whole SSE text (tests, fixtures). */
export function parseSse(text: string): SseEvent[] {
  const parser = createSseParser()
  return [...parser.push(text), ...parser.end()]
}
