import { describe, expect, test } from 'bun:test'
import { allCells, dialects, exceptions, providers, supportOf, testName } from './conformance-cases'
import { MATRIX_END, MATRIX_START, readMatrixRegion, renderConformanceMatrix, replaceMatrixRegion } from './conformance-matrix'

const allPassed = () => true

describe('the conformance matrix in Markdown', () => {
  test('one row per client → provider, JSON · stream per feature, counts that add up, one note per exception', () => {
    const matrix = renderConformanceMatrix(allPassed)
    const rows = matrix.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| client'))
    expect(rows).toHaveLength(dialects.length * providers.length)
    for (const row of rows) expect(row.split(' | ').slice(1).every((cell) => / · /.test(cell))).toBe(true)
    const count = (status: string) => allCells().filter((cell) => supportOf(cell).status === status).length
    expect(matrix).toContain(`${count('supported')} ✅ exact, ${count('approximate')} ⚠️ mapped approximately (how below), ${count('unsupported')} ❌ not supported`)
    for (const { support } of exceptions) expect(matrix).toContain(support.status === 'unsupported' ? support.why : support.how)
    expect(matrix.startsWith(MATRIX_START) && matrix.endsWith(MATRIX_END)).toBe(true)
  })

  test('is not rendered while a cell fails: the error names it', () => {
    const failing = testName(allCells()[17])
    expect(() => renderConformanceMatrix((name) => name !== failing)).toThrow(failing)
  })

  test('replacing the region leaves the rest of the file as it was', () => {
    const readme = `# Title\n\nIntro.\n\n${MATRIX_START}\nold\n${MATRIX_END}\n\n## After\n`
    expect(replaceMatrixRegion(readme, `${MATRIX_START}\nnew\n${MATRIX_END}`)).toBe(`# Title\n\nIntro.\n\n${MATRIX_START}\nnew\n${MATRIX_END}\n\n## After\n`)
    expect(() => replaceMatrixRegion('# no markers', 'x')).toThrow('no <!-- conformance:start -->')
  })

  test('README.md shows the matrix of the current case table (`bun run matrix` rewrites it)', async () => {
    const readme = await Bun.file(new URL('../../README.md', import.meta.url)).text()
    expect(readMatrixRegion(readme)).toBe(renderConformanceMatrix(allPassed))
  })
})
