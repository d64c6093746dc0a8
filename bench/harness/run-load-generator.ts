import type { ClosedLoopConfig, ClosedLoopResult, LoadConfig, LoadEvent, OpenStreamsConfig, OpenStreamsResult } from '../load/load-protocol'
import { registerChild } from './process-registry'

const script = `${import.meta.dir}/../load/load-generator.ts`

/**
 * Run the load generator in its own process; `onEvent` sees each phase change the moment it
 * happens (so the caller can sample the server exactly at the measured window's edges).
 */
export async function runLoadGenerator(config: ClosedLoopConfig, onEvent?: (event: LoadEvent) => void): Promise<ClosedLoopResult>
export async function runLoadGenerator(config: OpenStreamsConfig, onEvent?: (event: LoadEvent) => void): Promise<OpenStreamsResult>
export async function runLoadGenerator(config: LoadConfig, onEvent: (event: LoadEvent) => void = () => {}) {
  const child = Bun.spawn({
    cmd: [process.execPath, '--no-install', script],
    env: { ...process.env },
    stdin: new Blob([JSON.stringify(config)]),
    stdout: 'pipe',
    stderr: 'pipe',
  })
  registerChild(child)
  const stderr = new Response(child.stderr).text()
  const decoder = new TextDecoder()
  let buffered = ''
  let result: ClosedLoopResult | OpenStreamsResult | undefined
  const reader = child.stdout.getReader()
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += decoder.decode(chunk.value, { stream: true })
    let newline: number
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffered.slice(0, newline)) as LoadEvent
      buffered = buffered.slice(newline + 1)
      if (event.event === 'result') result = event.result
      else onEvent(event)
    }
  }
  const code = await child.exited
  if (!result) throw new Error(`load generator exited with code ${code} without a result\n${(await stderr).trim()}`)
  return result
}
