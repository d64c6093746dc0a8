/** Wait, unless the signal aborts first (then reject with its reason): a client that leaves cancels pending backoffs. */
export function abortableSleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => (clearTimeout(timer), reject(signal.reason))
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), milliseconds)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

export const realClock = { now: () => Date.now(), sleep: abortableSleep }
