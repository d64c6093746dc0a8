import type { StreamEvent } from '../canonical'
import type { StreamConverter } from '../plugin/provider-spec'
import { createSseParser } from '../sse/sse-parser'

/** Run SSE text through a provider's stream converter, whole or split at the given byte offsets. */
export function convertSseText(text: string, converter: StreamConverter, cuts: number[] = []): StreamEvent[] {
  const bytes = new TextEncoder().encode(text)
  const decoder = new TextDecoder()
  const parser = createSseParser()
  const events: StreamEvent[] = []
  let start = 0
  for (const cut of [...cuts, bytes.length]) {
    for (const event of parser.push(decoder.decode(bytes.subarray(start, cut), { stream: true }))) events.push(...converter.event(event))
    start = cut
  }
  for (const event of parser.push(decoder.decode())) events.push(...converter.event(event))
  events.push(...converter.end())
  return events
}

/** Deterministic pseudo-random cut points (so a failing split can be reproduced from its seed). */
export function randomCuts(length: number, count: number, seed: number): number[] {
  let state = seed >>> 0 || 1
  const next = () => ((state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32
  const cuts = new Set<number>()
  while (cuts.size < Math.min(count, Math.max(0, length - 1))) cuts.add(1 + Math.floor(next() * (length - 1)))
  return [...cuts].sort((a, b) => a - b)
}
