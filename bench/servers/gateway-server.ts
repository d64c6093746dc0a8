/**
 * The gateway under test (its own process): `createGateway` with the OpenAI and Anthropic
 * providers pointed at the mock upstream, listening like bun-main does.
 *
 * Env: BENCH_UPSTREAM_URL, BENCH_DATA_DIR, BENCH_MASTER_KEY; BENCH_PLUGINS `platform` (default:
 * the zero-config platform plugins of `bun run start`, from `discoverPlugins()`) or `none` (core
 * alone, to attribute the plugins' cost); BENCH_WITHOUT_PLUGINS, plugin names (comma-separated)
 * left out of the platform set (profiling one plugin's share); BENCH_GATEWAY_ENV, a JSON object that is the whole
 * environment the gateway sees (DATABASE_URL, REDIS_URL, TOLLGATE_RATE_LIMITS, …), so nothing of
 * the shell running the bench (a DATABASE_URL set for tests) changes what is measured.
 * Logging is muted except errors and warnings, which go to stderr (the bench shows their tail on failure).
 */
import { createGateway } from '@tollgate/core'
import { anthropic } from '@tollgate/provider-anthropic'
import { openai } from '@tollgate/provider-openai'
import { discoverPlugins } from '../../core/src/runtime/load-config'
import { linkToParent } from './child-process-link'

const { BENCH_UPSTREAM_URL: upstreamURL, BENCH_DATA_DIR: dataDir, BENCH_MASTER_KEY: masterKey, BENCH_PLUGINS: pluginSet = 'platform' } = process.env
if (!upstreamURL || !dataDir || !masterKey) throw new Error('BENCH_UPSTREAM_URL, BENCH_DATA_DIR and BENCH_MASTER_KEY are required')
if (pluginSet !== 'platform' && pluginSet !== 'none') throw new Error(`BENCH_PLUGINS must be 'platform' or 'none', got '${pluginSet}'`)
const env = JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as Record<string, string>
const without = (process.env.BENCH_WITHOUT_PLUGINS ?? '').split(',').filter(Boolean)

let errorLines = 0
const toStderr = (...parts: unknown[]) => {
  if (errorLines++ < 20) console.error('[gateway]', ...parts)
}
const logger = { info() {}, warn: toStderr, error: toStderr }

const app = createGateway({
  masterKey,
  dataDir,
  env,
  logger,
  providers: [openai({ apiKey: 'sk-bench-openai-upstream', baseURL: `${upstreamURL}/v1` }), anthropic({ apiKey: 'sk-ant-bench-upstream', baseURL: upstreamURL })],
  plugins: pluginSet === 'platform' ? (await discoverPlugins()).filter((plugin) => !without.includes(plugin.name)) : [],
})
await app.decorator.gateway.ready
app.listen({ hostname: '127.0.0.1', port: 0, maxRequestBodySize: 20 * 1024 * 1024 + 1 })

linkToParent(app.server!.port!)
