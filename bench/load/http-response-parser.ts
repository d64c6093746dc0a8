/** What an HTTP/1.1 response parser reports, in order: head, body bytes (any number), end. */
export interface ResponseHandlers {
  head(status: number, closeAfter: boolean): void
  body(bytes: Uint8Array): void
  end(): void
}

const CR = 13
const LF = 10
const latin1 = new TextDecoder('latin1')

function headEnd(bytes: Uint8Array): number {
  for (let i = 3; i < bytes.length; i++) {
    if (bytes[i] === LF && bytes[i - 1] === CR && bytes[i - 2] === LF && bytes[i - 3] === CR) return i - 3
  }
  return -1
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length)
  joined.set(first)
  joined.set(second, first.length)
  return joined
}

/**
 * Incremental HTTP/1.1 response parser for the load generator: bytes in (split anywhere),
 * callbacks out. Handles Content-Length and chunked bodies (the two forms Bun.serve sends);
 * the body bytes are never copied or decoded, so measuring stays cheap.
 */
export function createHttpResponseParser(handlers: ResponseHandlers) {
  let state: 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-data-end' | 'trailers' = 'head'
  let pendingHead: Uint8Array | undefined
  let remaining = 0
  let sizeLine = ''
  let lineLength = 0

  function parseHead(text: string) {
    const status = Number(text.slice(9, 12))
    let length = 0
    let chunked = false
    let closeAfter = false
    for (const line of text.split('\r\n').slice(1)) {
      const colon = line.indexOf(':')
      const name = line.slice(0, colon).toLowerCase()
      const value = line.slice(colon + 1).trim().toLowerCase()
      if (name === 'content-length') length = Number(value)
      else if (name === 'transfer-encoding') chunked = value.includes('chunked')
      else if (name === 'connection') closeAfter = value === 'close'
    }
    if (status === 100) return
    handlers.head(status, closeAfter)
    if (chunked) state = 'chunk-size'
    else if (length > 0) (state = 'length'), (remaining = length)
    else finish()
  }

  function finish() {
    state = 'head'
    handlers.end()
  }

  return {
    push(chunk: Uint8Array): void {
      let data = chunk
      let i = 0
      while (i < data.length) {
        if (state === 'head') {
          const bytes = pendingHead ? concat(pendingHead, data.subarray(i)) : data.subarray(i)
          const end = headEnd(bytes)
          if (end < 0) {
            pendingHead = bytes.slice()
            return
          }
          pendingHead = undefined
          data = bytes
          i = end + 4
          parseHead(latin1.decode(bytes.subarray(0, end)))
        } else if (state === 'length' || state === 'chunk-data') {
          const take = Math.min(remaining, data.length - i)
          handlers.body(data.subarray(i, i + take))
          i += take
          remaining -= take
          if (remaining > 0) continue
          if (state === 'length') finish()
          else state = 'chunk-data-end'
        } else if (state === 'chunk-data-end') {
          if (data[i++] === LF) state = 'chunk-size'
        } else if (state === 'chunk-size') {
          const byte = data[i++]
          if (byte !== LF) {
            if (byte !== CR) sizeLine += String.fromCharCode(byte)
            continue
          }
          const size = parseInt(sizeLine, 16)
          sizeLine = ''
          if (size > 0) (state = 'chunk-data'), (remaining = size)
          else (state = 'trailers'), (lineLength = 0)
        } else {
          const byte = data[i++]
          if (byte === CR) continue
          if (byte !== LF) lineLength++
          else if (lineLength === 0) finish()
          else lineLength = 0
        }
      }
    },
    /** The connection closed: true when a response was cut off mid-way. */
    get midResponse() {
      return state !== 'head' || pendingHead !== undefined
    },
  }
}
