import { describe, expect, test } from 'bun:test'
import { createHttpResponseParser } from './http-response-parser'

const encoder = new TextEncoder()
const chunked = 'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n6\r\ndata: \r\nb\r\n[DONE]\n\nxyz\r\n0\r\n\r\n'
const sized = 'HTTP/1.1 404 Not Found\r\ncontent-length: 5\r\nConnection: close\r\n\r\nnope!'

function parse(text: string, splitAt: number[]) {
  const events: string[] = []
  const decoder = new TextDecoder()
  let body = ''
  const parser = createHttpResponseParser({
    head: (status, closeAfter) => events.push(`head ${status} ${closeAfter}`),
    body: (bytes) => (body += decoder.decode(bytes)),
    end: () => events.push(`end ${body}`),
  })
  const bytes = encoder.encode(text)
  let start = 0
  for (const cut of [...splitAt, bytes.length]) {
    parser.push(bytes.subarray(start, cut))
    start = cut
  }
  return { events, midResponse: parser.midResponse }
}

describe('createHttpResponseParser', () => {
  test('reads a chunked and a sized response back to back, whole', () => {
    expect(parse(chunked + sized, []).events).toEqual(['head 200 false', 'end data: [DONE]\n\nxyz', 'head 404 true', 'end data: [DONE]\n\nxyznope!'])
  })

  test('gives the same result split at every byte boundary', () => {
    const whole = parse(chunked, []).events
    for (let cut = 1; cut < chunked.length; cut++) expect(parse(chunked, [cut]).events).toEqual(whole)
  })

  test('knows when a connection closed mid-response', () => {
    expect(parse(chunked.slice(0, 90), []).midResponse).toBe(true)
    expect(parse(chunked, []).midResponse).toBe(false)
  })
})
