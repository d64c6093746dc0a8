import type { Subprocess } from 'bun'

const children = new Set<Subprocess>()
const cleanups = new Set<() => Promise<void>>()
let installed = false

/**
 * Run `cleanup` (bounded to 5 s) when the bench is interrupted (Ctrl-C, SIGTERM), after its
 * children are stopped: e.g. dropping the PostgreSQL schema of the run. Returns the unregister function.
 */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}

/** Stop every process the bench started, by its own handle (never by name). */
export function stopAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  children.clear()
}

/**
 * Remember a child so it is stopped on every way out: normal exit, an error, Ctrl-C or SIGTERM.
 * (Children also exit by themselves when their parent disappears; see child-process-link.)
 */
export function registerChild(child: Subprocess): Subprocess {
  children.add(child)
  void child.exited.then(() => children.delete(child))
  if (!installed) {
    installed = true
    process.on('exit', stopAllChildren)
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, async () => {
        console.error(`\nbench: ${signal}, stopping ${children.size} process(es)`)
        stopAllChildren()
        await Promise.race([Promise.allSettled([...cleanups].map((cleanup) => cleanup())), Bun.sleep(5_000)])
        process.exit(130)
      })
    }
  }
  return child
}
