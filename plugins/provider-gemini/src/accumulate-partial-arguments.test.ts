import { expect, test } from 'bun:test'
import { createPartialArguments, parseJsonPath } from './accumulate-partial-arguments'

test('JSON paths', () => {
  expect(['$.location', '$.a.b[2].c', "$['odd key']", '$', 'location', '$..x'].map(parseJsonPath)).toEqual([['location'], ['a', 'b', 2, 'c'], ['odd key'], [], undefined, undefined])
})

test('fragments build the arguments: strings continue while willContinue, numbers, booleans, nulls, nesting', () => {
  const args = createPartialArguments()
  args.add([{ jsonPath: '$.location', stringValue: 'San ', willContinue: true }])
  args.add([{ jsonPath: '$.location', stringValue: 'Francisco', willContinue: true }, { jsonPath: '$.days', numberValue: 3 }])
  args.add([{ jsonPath: '$.location', stringValue: '' }, { jsonPath: '$.options.metric', boolValue: true }, { jsonPath: '$.tags[0]', stringValue: 'a' }, { jsonPath: '$.note', nullValue: 'NULL_VALUE' }])
  args.add([{ jsonPath: '$.location', stringValue: 'Paris' }])
  expect(JSON.parse(args.text())).toEqual({ location: 'Paris', days: 3, options: { metric: true }, tags: ['a'], note: null })
})
