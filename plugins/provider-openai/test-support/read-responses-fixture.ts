import type { StreamEvent } from '@tollgate/core'

const fixtures = new URL('../fixtures/responses/', import.meta.url)

/** A recorded Responses API fixture copied into this package (see fixtures/responses/README.md). */
export const readResponsesFixture = (name: string) => Bun.file(new URL(name, fixtures)).text()
export const readResponsesJsonFixture = (name: string): Promise<any> => Bun.file(new URL(name, fixtures)).json()
export const responsesFixtureNames = (pattern: string) => [...new Bun.Glob(pattern).scanSync(fixtures.pathname)].sort()

/** Consecutive deltas of one block joined (with their count), to state long streams exactly and briefly. */
export function joinDeltas(events: StreamEvent[]) {
  const joined: Array<Record<string, unknown>> = []
  for (const event of events) {
    const previous = joined.at(-1)
    const piece = event.type === 'text-delta' || event.type === 'reasoning-delta' || event.type === 'refusal-delta' ? event.delta : event.type === 'tool-call-delta' ? event.argumentsDelta : undefined
    if (piece !== undefined && previous?.type === event.type && previous.index === ('index' in event ? event.index : undefined)) {
      previous.text += piece
      ;(previous.count as number)++
    } else joined.push(piece === undefined ? { ...event } : { type: event.type, ...('index' in event ? { index: event.index } : {}), text: piece, count: 1 })
  }
  return joined
}
