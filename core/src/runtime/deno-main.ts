/**
 * Deno entry point: `deno run -A --node-modules-dir=manual core/src/runtime/deno-main.ts`.
 * Same gateway, served through the web-standard `fetch` handler.
 */
import { runtimeEnvironment } from '../config/runtime-environment'
import { createGateway } from '../http/create-gateway'
import { describeStartup } from './describe-startup'
import { loadConfig } from './load-config'

declare const Deno: {
  serve(options: { hostname: string; port: number; onListen?: () => void }, handler: (request: Request) => Response | Promise<Response>): { shutdown(): Promise<void> }
}

const env = runtimeEnvironment()
const config = await loadConfig(env)
const app = createGateway(config)
const hostname = config.server?.host ?? env.HOST ?? '0.0.0.0'
const port = config.server?.port ?? Number(env.PORT ?? 8080)
Deno.serve({ hostname, port, onListen: () => console.info(describeStartup(`http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`, app.decorator.gateway.providers)) }, (request) => app.fetch(request))
