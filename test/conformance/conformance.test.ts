import { describe, test } from 'bun:test'
import { allCells, dialectLabels, dialects, testName } from './conformance-cases'
import { runConformanceCell } from './run-conformance-cell'

/**
 * The conformance matrix, generated from the case table: every inbound dialect × provider × mode ×
 * feature against fake upstreams replaying real recordings. Approximate and unsupported cells
 * assert the behaviour the table documents; none is skipped.
 */
for (const dialect of dialects) {
  describe(`${dialectLabels[dialect]} client`, () => {
    for (const cell of allCells().filter((candidate) => candidate.dialect === dialect)) {
      test(testName(cell), () => runConformanceCell(cell))
    }
  })
}
