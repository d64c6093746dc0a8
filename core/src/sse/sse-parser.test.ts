import { describe, expect, test } from 'bun:test'
import { createSseParser, parseSse } from './sse-parser'

describe('createSseParser', () => {
  test('parses event and data lines, ignores comments', () => {
    expect(parseSse(': comment\nevent: ping\ndata: {"a":1}\n\ndata: x\ndata: y\n\n')).toEqual([
      { event: 'ping', data: '{"a":1}', id: undefined },
      { event: undefined, data: 'x\ny', id: undefined },
    ])
  })

  test('handles \\r\\n framing split between \\r and \\n', () => {
    const parser = createSseParser()
    const out = [...parser.push('data: one\r'), ...parser.push('\n\r'), ...parser.push('\ndata: two\r\n\r\n')]
    expect(out.map((event) => event.data)).toEqual(['one', 'two'])
  })

  test('an event cut before its blank line is discarded at end()', () => {
    const parser = createSseParser()
    expect(parser.push('data: {"complete":true}\n\ndata: {"half')).toHaveLength(1)
    expect(parser.end()).toEqual([])
  })

  test('keeps one leading space only and values containing colons', () => {
    expect(parseSse('data:  padded: yes\n\n')[0].data).toBe(' padded: yes')
  })
})
