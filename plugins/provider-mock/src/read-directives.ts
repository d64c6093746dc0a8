/**
 * Behaviour on demand, written into the last user message: `[[error:429]]` answers with that
 * HTTP error, `[[stream-error]]` fails mid-stream, `[[cut]]` drops the connection mid-stream,
 * `[[delay:50]]` waits 50 ms between stream events, `[[tool:name {"a":1}]]` calls that tool,
 * `[[tools:all]]` calls every offered tool in parallel.
 */
export interface Directives {
  errorStatus?: number
  streamError: boolean
  cut: boolean
  delayMs?: number
  toolCalls: Array<{ name: string; arguments: string }>
  callAllTools: boolean
}

export function readDirectives(text: string): Directives {
  const directives: Directives = { streamError: false, cut: false, toolCalls: [], callAllTools: false }
  for (const match of text.matchAll(/\[\[([a-z-]+)(?::([^\s\]]+))?(?:\s+([^\]]*))?\]\]/g)) {
    const [, name, value, rest] = match
    if (name === 'error') directives.errorStatus = Number(value)
    else if (name === 'stream-error') directives.streamError = true
    else if (name === 'cut') directives.cut = true
    else if (name === 'delay') directives.delayMs = Number(value)
    else if (name === 'tool' && value) directives.toolCalls.push({ name: value, arguments: rest?.trim() || '{}' })
    else if (name === 'tools' && value === 'all') directives.callAllTools = true
  }
  return directives
}

/** The text without its directives. */
export function stripDirectives(text: string): string {
  return text.replace(/\[\[[^\]]*\]\]/g, '').replace(/\s+/g, ' ').trim()
}
