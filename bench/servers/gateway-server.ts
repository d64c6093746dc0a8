/**
 * The gateway under test (its own process): `createGateway` with the OpenAI and Anthropic
 * providers pointed at the mock upstream (env BENCH_UPSTREAM_URL, BENCH_DATA_DIR,
 * BENCH_MASTER_KEY), listening like bun-main does.
 * Logging is muted except errors, which go to stderr (the bench shows their tail on failure).
 */
import { createGateway } from '@tollgate/core'
import { anthropic } from '@tollgate/provider-anthropic'
import { openai } from '@tollgate/provider-openai'
import { linkToParent } from './child-process-link'

const { BENCH_UPSTREAM_URL: upstreamURL, BENCH_DATA_DIR: dataDir, BENCH_MASTER_KEY: masterKey } = process.env
if (!upstreamURL || !dataDir || !masterKey) throw new Error('BENCH_UPSTREAM_URL, BENCH_DATA_DIR and BENCH_MASTER_KEY are required')

let errorLines = 0
const logger = {
  info() {},
  warn() {},
  error(...parts: unknown[]) {
    if (errorLines++ < 20) console.error('[gateway]', ...parts)
  },
}

const app = createGateway({
  masterKey,
  dataDir,
  env: {},
  logger,
  providers: [openai({ apiKey: 'sk-bench-openai-upstream', baseURL: `${upstreamURL}/v1` }), anthropic({ apiKey: 'sk-ant-bench-upstream', baseURL: upstreamURL })],
})
await app.decorator.gateway.ready
app.listen({ hostname: '127.0.0.1', port: 0, maxRequestBodySize: 20 * 1024 * 1024 + 1 })

linkToParent(app.server!.port!)
