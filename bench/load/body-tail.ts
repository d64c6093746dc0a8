const latin1 = new TextDecoder('latin1')

/**
 * The first and last bytes of a response body, kept without buffering the body: the tail proves
 * a stream reached its terminal, the head explains a failure.
 */
export function createBodyTail(size = 128) {
  const tail = new Uint8Array(size)
  let tailLength = 0
  let head = ''

  return {
    reset() {
      tailLength = 0
      head = ''
    },
    push(bytes: Uint8Array) {
      if (head.length < 400) head += latin1.decode(bytes.subarray(0, 400 - head.length))
      const keep = Math.min(size, tailLength + bytes.length)
      const fromOld = keep - Math.min(bytes.length, keep)
      tail.copyWithin(0, tailLength - fromOld, tailLength)
      tail.set(bytes.subarray(bytes.length - (keep - fromOld)), fromOld)
      tailLength = keep
    },
    text: () => latin1.decode(tail.subarray(0, tailLength)),
    get head() {
      return head
    },
  }
}
