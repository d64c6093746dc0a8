import type { RedisClient } from '@tollgate/core'

/** The Redis channel on which instances tell each other to drop cached keys. */
export const INVALIDATION_CHANNEL = 'tollgate:keys:invalidate'

/** A key was revoked or changed, or every key of an account (status change). */
export type Invalidation = { keyId: string } | { accountId: string }

type Logger = Pick<Console, 'warn' | 'info'>

/** Tell the other instances (no-op without Redis; a Redis failure is logged, never thrown). */
export async function publishInvalidation(redis: RedisClient | undefined, invalidation: Invalidation, logger: Logger): Promise<void> {
  if (!redis) return
  try {
    await redis.publish(INVALIDATION_CHANNEL, JSON.stringify(invalidation))
  } catch (error) {
    logger.warn(`[tollgate] keys: could not publish a key invalidation (${(error as Error).message}); other instances drop it when their cache expires`)
  }
}

/**
 * Listen for invalidations on a dedicated connection. Messages sent while this instance was
 * disconnected are lost, so after a reconnect `onReconnect` runs (the caller clears its cache).
 * Resolves once subscribed, or after `timeoutMs` when Redis is unreachable (it keeps trying).
 */
export async function subscribeInvalidations(
  redis: RedisClient,
  handlers: { onInvalidation(invalidation: Invalidation): void; onReconnect(): void },
  logger: Logger,
  timeoutMs = 3_000,
): Promise<{ close(): Promise<void> }> {
  const subscriber = redis.duplicate()
  let connectedBefore = false
  subscriber.on('message', (channel, message) => {
    if (channel !== INVALIDATION_CHANNEL) return
    try {
      handlers.onInvalidation(JSON.parse(message) as Invalidation)
    } catch {
      logger.warn('[tollgate] keys: ignored a malformed key invalidation message')
    }
  })
  subscriber.on('error', () => {})
  const subscribed = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    subscriber.on('ready', () => {
      if (connectedBefore) handlers.onReconnect()
      connectedBefore = true
      subscriber.subscribe(INVALIDATION_CHANNEL).then(
        () => (clearTimeout(timer), resolve()),
        (error: Error) => logger.warn(`[tollgate] keys: could not subscribe to key invalidations (${error.message})`),
      )
    })
  })
  await subscribed
  return { close: async () => void (await subscriber.quit().catch(() => {})) }
}
