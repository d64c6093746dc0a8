import type { CanonicalResponse, StreamEvent } from '@tollgate/core'

function chunk(text: string, size: number): string[] {
  const pieces: string[] = []
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size))
  return pieces.length > 0 ? pieces : ['']
}

/** A complete response as the canonical stream it would have been, deltas of `chunkSize` chars. */
export function mockStreamEvents(response: CanonicalResponse, chunkSize: number): StreamEvent[] {
  const events: StreamEvent[] = [{ type: 'response-start', id: response.id, model: response.model, created: response.created }]
  response.content.forEach((part, index) => {
    if (part.type === 'text') {
      events.push({ type: 'text-start', index })
      for (const delta of chunk(part.text, chunkSize)) events.push({ type: 'text-delta', index, delta })
      events.push({ type: 'text-end', index })
    } else if (part.type === 'reasoning') {
      events.push({ type: 'reasoning-start', index, provider: part.provider })
      for (const delta of chunk(part.text, chunkSize)) events.push({ type: 'reasoning-delta', index, delta })
      events.push({ type: 'reasoning-signature', index, signature: part.signature })
      events.push({ type: 'reasoning-end', index })
    } else if (part.type === 'provider-block') {
      events.push({ type: 'provider-block', index, provider: part.provider, block: part.block })
    } else {
      events.push({ type: 'tool-call-start', index, id: part.id, name: part.name })
      for (const delta of chunk(part.arguments, chunkSize)) events.push({ type: 'tool-call-delta', index, argumentsDelta: delta })
      events.push({ type: 'tool-call-end', index })
    }
  })
  events.push({ type: 'finish', finishReason: response.finishReason, usage: response.usage })
  return events
}
