/** Bun entry point: `bun run start`. Everything Bun-specific lives in this file. */
import { createGateway } from '../http/create-gateway'
import { describeStartup } from './describe-startup'
import { loadConfig } from './load-config'

const env = process.env
const config = await loadConfig(env)
const app = createGateway(config)
const hostname = config.server?.host ?? env.HOST ?? '0.0.0.0'
const port = config.server?.port ?? Number(env.PORT ?? 8080)
app.listen({ hostname, port, maxRequestBodySize: Number(env.TOLLGATE_MAX_BODY_BYTES ?? 20 * 1024 * 1024) + 1 })
console.info(describeStartup(`http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`, app.decorator.gateway.providers))

async function shutdown() {
  await app.stop()
  await app.decorator.gateway.stop()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
