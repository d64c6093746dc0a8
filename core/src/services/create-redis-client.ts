import Redis from 'ioredis'
import type { RedisClient } from '../plugin/plugin-services'

/**
 * The shared Redis connection (REDIS_URL). It reconnects forever with a capped backoff and
 * never crashes the gateway: plugins decide what to do while it is down (fail open or closed).
 */
export function createRedisClient(url: string, logger: Pick<Console, 'warn' | 'info'>): RedisClient {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  let down = false
  client.on('error', (error: Error) => {
    if (!down) logger.warn(`[tollgate] Redis unavailable (${error.message}); retrying in the background`)
    down = true
  })
  client.on('ready', () => {
    if (down) logger.info('[tollgate] Redis connection restored')
    down = false
  })
  return client as unknown as RedisClient
}

/** Wait for the first connection (bounded), so plugins start against a ready client when Redis is up. */
export function waitForRedis(client: RedisClient, timeoutMs = 3000): Promise<void> {
  if ((client as unknown as { status: string }).status === 'ready') return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    client.on('ready', () => (clearTimeout(timer), resolve()))
  })
}
