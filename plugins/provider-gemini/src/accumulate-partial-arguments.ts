import type { GeminiPartialArgument } from '@tollgate/core'

type Json = Record<string, unknown> | unknown[]

/** `$.a.b[0].c` → ['a', 'b', 0, 'c']; undefined for a path this reader does not follow. */
export function parseJsonPath(path: string): Array<string | number> | undefined {
  if (!path.startsWith('$')) return undefined
  const segments: Array<string | number> = []
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/y
  pattern.lastIndex = 1
  while (pattern.lastIndex < path.length) {
    const match = pattern.exec(path)
    if (!match) return undefined
    segments.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3]))
  }
  return segments
}

/**
 * Builds a function call's arguments from Vertex AI's streamed fragments
 * (`streamFunctionCallArguments`): each names a JSON path and a value; a string value continues
 * (is appended to) the previous fragment of the same path when that one said `willContinue`.
 */
export function createPartialArguments(initial: Record<string, unknown> = {}) {
  const args: Record<string, unknown> = structuredClone(initial)
  const continuing = new Set<string>()

  function set(path: Array<string | number>, value: unknown, append: boolean) {
    let target: Json = args
    path.forEach((segment, position) => {
      const last = position === path.length - 1
      const container = target as Record<string | number, unknown>
      if (last) {
        container[segment] = append && typeof container[segment] === 'string' && typeof value === 'string' ? container[segment] + value : value
        return
      }
      if (typeof container[segment] !== 'object' || container[segment] === null) container[segment] = typeof path[position + 1] === 'number' ? [] : {}
      target = container[segment] as Json
    })
  }

  return {
    add(fragments: GeminiPartialArgument[] | undefined) {
      for (const fragment of fragments ?? []) {
        const jsonPath = fragment.jsonPath ?? ''
        const path = parseJsonPath(jsonPath)
        if (!path || path.length === 0) continue
        let value: unknown = null
        if (fragment.stringValue !== undefined) value = fragment.stringValue
        else if (fragment.numberValue !== undefined) value = fragment.numberValue
        else if (fragment.boolValue !== undefined) value = fragment.boolValue
        set(path, value, continuing.has(jsonPath))
        if (fragment.willContinue) continuing.add(jsonPath)
        else continuing.delete(jsonPath)
      }
    },
    /** The arguments so far, as JSON text. */
    text: () => JSON.stringify(args),
  }
}
