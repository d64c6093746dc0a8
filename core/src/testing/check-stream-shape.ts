import type { StreamEvent } from '../canonical'

/**
 * The canonical stream contract, as a list of violations (empty = valid): `response-start`
 * first; blocks start before their deltas and end after them, with unique indexes; exactly one
 * terminal (`finish` or `error`) and nothing after it.
 */
export function checkStreamShape(events: StreamEvent[]): string[] {
  const problems: string[] = []
  const open = new Set<number>()
  const seen = new Set<number>()
  let terminals = 0
  events.forEach((event, position) => {
    if (terminals > 0) problems.push(`event ${position} (${event.type}) after the terminal`)
    if (position === 0 && event.type !== 'response-start' && event.type !== 'error') problems.push(`first event is ${event.type}, not response-start`)
    if (event.type.endsWith('-start') && event.type !== 'response-start' && 'index' in event) {
      if (seen.has(event.index)) problems.push(`index ${event.index} started twice`)
      seen.add(event.index)
      open.add(event.index)
    } else if ((event.type.endsWith('-delta') || event.type === 'reasoning-signature') && 'index' in event) {
      if (!open.has(event.index)) problems.push(`${event.type} for block ${event.index} that is not open`)
    } else if (event.type.endsWith('-end') && 'index' in event) {
      if (!open.delete(event.index)) problems.push(`${event.type} for block ${event.index} that is not open`)
    } else if (event.type === 'finish' || event.type === 'error') {
      terminals++
      if (event.type === 'finish' && open.size > 0) problems.push(`finish with blocks still open: ${[...open].join(', ')}`)
    }
  })
  if (terminals === 0) problems.push('no terminal event (finish or error)')
  return problems
}
