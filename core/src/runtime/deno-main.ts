/**
 * Deno entry point. From the repository root (after `bun install`):
 *
 *   deno run -A --config core/src/runtime/deno.json core/src/runtime/deno-main.ts
 *
 * (`deno` is also at node_modules/.bin/deno.) The config next to this file sets what Deno needs
 * for this workspace: `nodeModulesDir: "manual"` (use Bun's node_modules as installed, never
 * write to it), the `sloppy-imports` unstable feature (core imports TS files without extension
 * and folders by their index.ts), `no-legacy-abort` (request.signal fires only when the client
 * goes away, as on Bun) and no lockfile. Equivalent flags without the config file:
 * `--node-modules-dir=manual --unstable-sloppy-imports --unstable-no-legacy-abort --no-lock`.
 *
 * Same gateway and environment as on Bun (PORT, HOST, TOLLGATE_MASTER_KEY, TOLLGATE_DATA_DIR, ...),
 * served through the web-standard `fetch` handler. Everything Deno-specific lives in this file.
 */
import { runtimeEnvironment } from '../config/runtime-environment'
import { createGateway } from '../http/create-gateway'
import { describeStartup } from './describe-startup'
import { loadConfig } from './load-config'

declare const Deno: {
  serve(options: { hostname: string; port: number; onListen?: () => void }, handler: (request: Request) => Response | Promise<Response>): { shutdown(): Promise<void> }
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void
  exit(code?: number): never
}

const env = runtimeEnvironment()
const config = await loadConfig(env)
const app = createGateway(config)
const hostname = config.server?.host ?? env.HOST ?? '0.0.0.0'
const port = config.server?.port ?? Number(env.PORT ?? 8080)
const server = Deno.serve(
  { hostname, port, onListen: () => console.info(describeStartup(`http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`, app.decorator.gateway.providers)) },
  (request) => app.fetch(request),
)

let stopping = false
async function shutdown() {
  if (stopping) return
  stopping = true
  await server.shutdown()
  await app.decorator.gateway.stop()
  Deno.exit(0)
}
Deno.addSignalListener('SIGINT', shutdown)
Deno.addSignalListener('SIGTERM', shutdown)
