/**
 * `bun run matrix`: runs the conformance suite, then renders its matrix into README.md between
 * `<!-- conformance:start -->` and `<!-- conformance:end -->` (nothing else in the file changes).
 * `bun run matrix --check` only verifies the README is current. Fails when any cell's test fails.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readMatrixRegion, renderConformanceMatrix, replaceMatrixRegion } from './conformance-matrix'

const root = new URL('../../', import.meta.url).pathname
const readmePath = join(root, 'README.md')
const check = process.argv.includes('--check')

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!)

/** Names of the passing tests in a JUnit report. */
function passingTests(junit: string): Set<string> {
  const passing = new Set<string>()
  for (const match of junit.matchAll(/<testcase name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[3] ?? ''
    if (!/<(failure|error|skipped)\b/.test(body)) passing.add(unescapeXml(match[1]))
  }
  return passing
}

const folder = mkdtempSync(join(tmpdir(), 'tollgate-matrix-'))
try {
  const report = join(folder, 'junit.xml')
  const run = Bun.spawnSync(['bun', 'test', 'test/conformance/conformance.test.ts', '--reporter=junit', `--reporter-outfile=${report}`], { cwd: root, stdout: 'inherit', stderr: 'inherit' })
  const passing = passingTests(await Bun.file(report).text().catch(() => ''))
  if (run.exitCode !== 0) console.error(`conformance suite exited with ${run.exitCode}`)
  const matrix = renderConformanceMatrix((name) => passing.has(name))

  // Read the README right before writing: others edit it too; only the marked region changes.
  const readme = await Bun.file(readmePath).text()
  if (check) {
    if (readMatrixRegion(readme) !== matrix) throw new Error('README.md conformance matrix is out of date: run `bun run matrix`')
    console.log('README.md conformance matrix is current')
  } else {
    const updated = replaceMatrixRegion(readme, matrix)
    if (updated !== readme) await Bun.write(readmePath, updated)
    console.log(updated === readme ? 'README.md conformance matrix already current' : 'README.md conformance matrix updated')
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  rmSync(folder, { recursive: true, force: true })
}
