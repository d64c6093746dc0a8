import { allCells, dialectLabels, dialects, featureLabels, features, modes, providerLabels, providers, supportOf, testName, type Cell, type Support } from './conformance-cases'
import type { Wire } from './recorded-answer'
import { recordings } from './upstream-recordings'

export const MATRIX_START = '<!-- conformance:start -->'
export const MATRIX_END = '<!-- conformance:end -->'

const SYMBOLS: Record<Support['status'], string> = { supported: '✅', approximate: '⚠️', unsupported: '❌' }
const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']
const superscript = (n: number) => [...String(n)].map((digit) => SUPERSCRIPTS[Number(digit)]).join('')
const wireLabels: Record<Wire, string> = { 'openai-chat': 'OpenAI Chat Completions', 'openai-responses': 'OpenAI Responses', anthropic: 'Anthropic', gemini: 'Gemini' }
const place = (cell: Cell) => `${dialectLabels[cell.dialect]} → ${providerLabels[cell.provider]}, ${featureLabels[cell.feature]}`

/**
 * The matrix as Markdown: one row per client → provider, one column per feature, each cell
 * "JSON · stream" as ✅ (exact), ⚠️ (mapped approximately) or ❌ (not supported), with numbered
 * notes saying how or why. Throws unless every cell's test passed (`passed` by test name).
 */
export function renderConformanceMatrix(passed: (name: string) => boolean): string {
  const failing = allCells().filter((cell) => !passed(testName(cell)))
  if (failing.length > 0) throw new Error(`conformance tests failing or missing:\n${failing.map(testName).join('\n')}`)

  // One note per distinct exception, numbered in table order, listing where it applies.
  const notes = new Map<Support, Map<string, string[]>>()
  const mark = (cell: Cell) => {
    const support = supportOf(cell)
    if (support.status === 'supported') return SYMBOLS.supported
    if (!notes.has(support)) notes.set(support, new Map())
    const places = notes.get(support)!
    places.set(place(cell), [...(places.get(place(cell)) ?? []), cell.mode])
    return `${SYMBOLS[support.status]}${superscript([...notes.keys()].indexOf(support) + 1)}`
  }
  const rows = dialects.flatMap((dialect) =>
    providers.map((provider) => {
      const cells = features.map((feature) => modes.map((mode) => mark({ dialect, provider, feature, mode })).join(' · '))
      return `| ${dialectLabels[dialect]} → ${providerLabels[provider]} | ${cells.join(' | ')} |`
    }),
  )
  const count = (status: Support['status']) => allCells().filter((cell) => supportOf(cell).status === status).length
  const legend = `Each cell is JSON · stream: ${count('supported')} ✅ exact, ${count('approximate')} ⚠️ mapped approximately (how below), ${count('unsupported')} ❌ not supported.`
  const noteLines = [...notes.entries()].map(([support, places], index) => {
    const where = [...places.entries()].map(([name, cellModes]) => `${name} (${cellModes.join(', ')})`).join('; ')
    const reason = support.status === 'unsupported' ? `not supported: ${support.why}` : support.status === 'approximate' ? support.how : ''
    return `${superscript(index + 1)} ${where}: ${reason}.`
  })
  const standIns = (Object.keys(recordings) as Wire[]).flatMap((wire) =>
    features.flatMap((feature) => modes.filter((mode) => recordings[wire][feature][mode].standIn).map((mode) => `${wireLabels[wire]} ${featureLabels[feature]} (${mode})`)),
  )
  const standInLine = `Where the provider was never recorded answering that way (${standIns.join(', ')}), a recorded text answer stands in; the request side is checked all the same.`
  return [
    MATRIX_START,
    `| client → provider | ${features.map((feature) => featureLabels[feature]).join(' | ')} |`,
    `|---|${features.map(() => '---').join('|')}|`,
    ...rows,
    '',
    legend,
    '',
    ...noteLines.flatMap((line) => [line, '']),
    standInLine,
    MATRIX_END,
  ].join('\n')
}

/** The region between the markers (markers included), or undefined when the README has none. */
export function readMatrixRegion(readme: string): string | undefined {
  const start = readme.indexOf(MATRIX_START)
  const end = readme.indexOf(MATRIX_END)
  return start === -1 || end < start ? undefined : readme.slice(start, end + MATRIX_END.length)
}

/** `readme` with its matrix region replaced by `matrix` (which carries the markers). */
export function replaceMatrixRegion(readme: string, matrix: string): string {
  const region = readMatrixRegion(readme)
  if (region === undefined) throw new Error(`README.md has no ${MATRIX_START} … ${MATRIX_END} region`)
  return readme.replace(region, () => matrix)
}
