/** How the mock upstream should pace one response. */
export interface MockDirectives {
  /** Delay before the response starts (time to first byte), in ms. */
  latencyMs: number
  /** Delay between two stream events, in ms (0: yield to the event loop only). */
  intervalMs: number
}

const number = (text: string | null | undefined) => {
  const value = Number(text)
  return Number.isFinite(value) && value > 0 ? Math.min(value, 60_000) : 0
}

/**
 * Pacing comes from headers (`x-mock-latency-ms`, `x-mock-interval-ms`) or, because a gateway
 * forwards the model name but not arbitrary headers, from the model name:
 * `gpt-4o-mini~latency=20~interval=500`.
 */
export function readMockDirectives(headers: Headers, model: unknown): MockDirectives {
  const directives = { latencyMs: number(headers.get('x-mock-latency-ms')), intervalMs: number(headers.get('x-mock-interval-ms')) }
  if (typeof model !== 'string' || !model.includes('~')) return directives
  for (const part of model.split('~').slice(1)) {
    const [name, value] = part.split('=')
    if (name === 'latency') directives.latencyMs = number(value)
    else if (name === 'interval') directives.intervalMs = number(value)
  }
  return directives
}

/** Model name carrying pacing directives for the mock upstream. */
export function modelWithDirectives(model: string, directives: Partial<MockDirectives>): string {
  let name = model
  if (directives.latencyMs) name += `~latency=${directives.latencyMs}`
  if (directives.intervalMs) name += `~interval=${directives.intervalMs}`
  return name
}
