import type { Subprocess } from 'bun'

const children = new Set<Subprocess>()
let installed = false

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
      process.on(signal, () => {
        console.error(`\nbench: ${signal}, stopping ${children.size} process(es)`)
        stopAllChildren()
        process.exit(130)
      })
    }
  }
  return child
}
