import { expect, test } from 'bun:test'
import { formatDuration } from './format-duration'

test('Go duration format, as OpenAI sends x-ratelimit-reset-*', () => {
  const cases: Array<[number, string]> = [
    [0, '0s'],
    [12, '12ms'],
    [999, '999ms'],
    [1000, '1s'],
    [8640, '8.64s'],
    [20_005, '20.005s'],
    [60_000, '1m0s'],
    [360_000, '6m0s'],
    [84_000, '1m24s'],
    [3_723_000, '1h2m3s'],
    [3_600_000, '1h0m0s'],
    [0.4, '1ms'],
  ]
  expect(cases.map(([milliseconds]) => formatDuration(milliseconds))).toEqual(cases.map(([, text]) => text))
})
