import type { AssistantPart, StreamEvent } from '@tollgate/core'

/**
 * Checks a canonical stream against the contract (response-start first; blocks opened once, with
 * increasing indexes, deltas only while open, closed once; exactly one terminal, last) and builds
 * the assistant content it describes.
 */
export function collectCanonicalStream(events: StreamEvent[]) {
  if (events[0]?.type !== 'response-start') throw new Error('the stream must begin with response-start')
  const terminals = events.filter((event) => event.type === 'finish' || event.type === 'error')
  if (terminals.length !== 1 || terminals[0] !== events.at(-1)) throw new Error('exactly one terminal event, last')
  const parts = new Map<number, AssistantPart>()
  const open = new Set<number>()
  let lastIndex = -1
  const opening = (index: number, part: AssistantPart) => {
    if (index <= lastIndex) throw new Error(`block ${index} opened out of order`)
    lastIndex = index
    parts.set(index, part)
  }
  const get = <T extends AssistantPart['type']>(index: number, type: T) => {
    const part = parts.get(index)
    if (!open.has(index) || part?.type !== type) throw new Error(`event for ${type} block ${index} that is not open`)
    return part as Extract<AssistantPart, { type: T }>
  }
  for (const event of events.slice(1, -1)) {
    switch (event.type) {
      case 'text-start':
        opening(event.index, { type: 'text', text: '', ...(event.providerData && { providerData: event.providerData }) })
        open.add(event.index)
        break
      case 'text-delta':
        get(event.index, 'text').text += event.delta
        break
      case 'reasoning-start':
        opening(event.index, { type: 'reasoning', text: '', ...(event.redactedData !== undefined && { redactedData: event.redactedData }), ...(event.provider && { provider: event.provider }) })
        open.add(event.index)
        break
      case 'reasoning-delta':
        get(event.index, 'reasoning').text += event.delta
        break
      case 'reasoning-signature':
        get(event.index, 'reasoning').signature = event.signature
        break
      case 'tool-call-start':
        opening(event.index, { type: 'tool-call', id: event.id, name: event.name, arguments: '', ...(event.providerData && { providerData: event.providerData }) })
        open.add(event.index)
        break
      case 'tool-call-delta':
        get(event.index, 'tool-call').arguments += event.argumentsDelta
        break
      case 'provider-block':
        opening(event.index, { type: 'provider-block', provider: event.provider, block: event.block })
        break
      case 'text-end':
        if (event.providerData) get(event.index, 'text').providerData = event.providerData
        get(event.index, 'text')
        open.delete(event.index)
        break
      case 'reasoning-end':
        get(event.index, 'reasoning')
        open.delete(event.index)
        break
      case 'tool-call-end':
        get(event.index, 'tool-call')
        open.delete(event.index)
        break
    }
  }
  if (open.size > 0) throw new Error(`blocks left open: ${[...open]}`)
  return { start: events[0], content: [...parts.values()], terminal: events.at(-1)! }
}
