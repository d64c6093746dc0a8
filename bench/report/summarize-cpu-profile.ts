/** The parts of a Chrome `.cpuprofile` this summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>
  samples: number[]
}

const ROOT = `${import.meta.dir.replace(/\/bench\/report$/, '')}/`

/** Where a frame's code lives: a package (`pkg drizzle-orm`), a workspace folder (`core`, `plugins/billing`) or native code. */
function origin(url: string): string {
  if (!url) return 'native (no source: Bun/JSC built-ins, sqlite, sockets)'
  const pkg = url.match(/node_modules\/(?:\.bun\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)
  if (pkg) return `pkg ${pkg[1]}`
  return url.replace('file://', '').replace(ROOT, '').replace(/\/src\/.*$/, '')
}

const isProjectCode = (url: string) => /\/(core|plugins\/[^/]+)\/src\//.test(url)
const percent = (count: number, total: number) => `${((count / total) * 100).toFixed(1).padStart(5)}%`

/**
 * A profile in three lists: self time by origin (package or workspace folder), the heaviest
 * native functions, and the project functions (core, plugins) with the most samples under them
 * — with file:line, the places to look. Async continuations lose their callers, so the last
 * list undercounts work resumed after an `await`.
 */
export function summarizeCpuProfile(profile: CpuProfile, top = 15): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
  const hits = new Map<number, number>()
  for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1)

  const byOrigin = new Map<string, number>()
  const natives = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const add = (map: Map<string, number>, key: string, count: number) => map.set(key, (map.get(key) ?? 0) + count)
  for (const [id, count] of hits) {
    const frame = nodes.get(id)!.callFrame
    add(byOrigin, origin(frame.url), count)
    if (!frame.url) add(natives, frame.functionName || '(anonymous)', count)
    const seen = new Set<string>()
    for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
      const { functionName, url, lineNumber } = nodes.get(current)!.callFrame
      if (!isProjectCode(url)) continue
      const name = `${functionName || '(anonymous)'} ${url.replace('file://', '').replace(ROOT, '')}:${lineNumber + 1}`
      if (!seen.has(name)) add(inclusive, name, count)
      seen.add(name)
    }
  }
  const total = profile.samples.length
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => `${percent(count, total)}  ${name}`)
  return [
    `${total} samples`,
    '',
    'Self time by origin:',
    ...list(byOrigin),
    '',
    'Heaviest native functions (self):',
    ...list(natives),
    '',
    'Project functions, samples under them (synchronous callers only):',
    ...list(inclusive),
  ].join('\n')
}
