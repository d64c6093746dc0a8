import { expect, test } from 'bun:test'
import type { StreamEvent } from '@tollgate/core'
import { createResponsesStreamBlocks } from './openai-responses-stream-blocks'

test('indexes in order of start; custom tool input wrapped and escaped; closing all closes each block once', () => {
  const blocks = createResponsesStreamBlocks()
  const out: StreamEvent[] = []
  const text = blocks.open(out, 'msg_1:0', 'text')
  blocks.delta(out, text, 'Hi')
  blocks.close(out, 'msg_1:0')
  const custom = blocks.open(out, 'ctc_1', 'tool-call', { id: 'call_1', name: 'apply_patch' }, true)
  blocks.delta(out, custom, 'a "b"\n')
  blocks.delta(out, custom, '')
  expect(blocks.takeIndex()).toBe(2)
  blocks.open(out, 'rs_1', 'reasoning')
  blocks.closeAll(out)
  blocks.closeAll(out)
  expect(out).toEqual([
    { type: 'text-start', index: 0 },
    { type: 'text-delta', index: 0, delta: 'Hi' },
    { type: 'text-end', index: 0 },
    { type: 'tool-call-start', index: 1, id: 'call_1', name: 'apply_patch' },
    { type: 'tool-call-delta', index: 1, argumentsDelta: '{"input":"' },
    { type: 'tool-call-delta', index: 1, argumentsDelta: 'a \\"b\\"\\n' },
    { type: 'reasoning-start', index: 3 },
    { type: 'tool-call-delta', index: 1, argumentsDelta: '"}' },
    { type: 'tool-call-end', index: 1 },
    { type: 'reasoning-end', index: 3 },
  ])
  expect([custom.streamed, blocks.finished('msg_1:0'), blocks.finished('ctc_1'), blocks.get('rs_1')]).toEqual([6, true, false, undefined])
})
