import { expect, test } from 'bun:test'
import { formatTable } from './format-table'

test('columns are aligned; empty cells show as -', () => {
  expect(
    formatTable([
      ['ID', 'NAME', 'PLAN'],
      ['acct_1', 'Acme Corporation', 'pro'],
      ['acct_22', null, ''],
    ]),
  ).toBe(['ID       NAME              PLAN', 'acct_1   Acme Corporation  pro', 'acct_22  -                 -'].join('\n'))
})
