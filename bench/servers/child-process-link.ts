import { heapStats } from 'bun:jsc'
import { exitWithParent } from './exit-with-parent'

/** Messages between the bench orchestrator and a server process it spawned (over Bun IPC). */
export type ParentMessage = { type: 'collect-garbage' }
export type ChildMessage = { type: 'ready'; port: number } | { type: 'garbage-collected'; heapBytes: number }

/**
 * Connect a server process to the orchestrator that spawned it: announce the listening port,
 * run a full GC on request (leak checks) and exit as soon as the parent is gone, so no server
 * outlives a crashed or killed bench run.
 */
export function linkToParent(port: number): void {
  const send = (message: ChildMessage) => process.send?.(message)
  process.on('message', (message: ParentMessage) => {
    if (message?.type !== 'collect-garbage') return
    Bun.gc(true)
    send({ type: 'garbage-collected', heapBytes: heapStats().heapSize })
  })
  process.on('disconnect', () => process.exit(0))
  exitWithParent()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0))
  send({ type: 'ready', port })
}
