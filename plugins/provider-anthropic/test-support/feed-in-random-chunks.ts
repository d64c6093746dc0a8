import { createSseParser, type SseEvent } from '@tollgate/core'

/** A small deterministic PRNG so a failing split can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0 || 1
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

/**
 * The upstream bytes cut at random positions (inside multi-byte characters and between \r and \n
 * included), decoded by a streaming TextDecoder and parsed incrementally, as the gateway does.
 */
export function feedInRandomChunks(text: string, seed: number, onEvent: (event: SseEvent) => void) {
  const bytes = new TextEncoder().encode(text)
  const decoder = new TextDecoder()
  const parser = createSseParser()
  const next = random(seed)
  const cuts = { insideCharacter: 0, betweenCrAndLf: 0 }
  for (let offset = 0; offset < bytes.length; ) {
    const size = 1 + Math.floor(next() * 40)
    for (const event of parser.push(decoder.decode(bytes.subarray(offset, offset + size), { stream: true }))) onEvent(event)
    offset += size
    if ((bytes[offset] & 0xc0) === 0x80) cuts.insideCharacter++
    if (bytes[offset - 1] === 13 && bytes[offset] === 10) cuts.betweenCrAndLf++
  }
  for (const event of parser.push(decoder.decode())) onEvent(event)
  for (const event of parser.end()) onEvent(event)
  return cuts
}
