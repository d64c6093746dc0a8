/**
 * End this process when the process that spawned it is gone (its parent pid changes), so no
 * bench child outlives a crashed or killed orchestrator.
 */
export function exitWithParent(): void {
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0)
  }, 500).unref()
}
