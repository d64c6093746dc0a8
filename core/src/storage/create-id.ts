let lastTime = 0
let sequence = 0

/**
 * A record id that sorts by creation time: `<prefix>_<time><sequence><random>`, lowercase
 * base32 digits of fixed width, so string order is creation order (strictly within one
 * process; across processes, to the millisecond). Cursor pagination relies on this order.
 */
export function createId(prefix: string): string {
  const now = Date.now()
  if (now === lastTime) sequence++
  else (lastTime = now), (sequence = 0)
  const random = crypto.getRandomValues(new Uint8Array(10))
  let tail = ''
  for (const byte of random) tail += (byte & 31).toString(32)
  return `${prefix}_${now.toString(32).padStart(9, '0')}${sequence.toString(32).padStart(4, '0')}${tail}`
}
