import { defineConfig } from '@tollgate/core'
import { keys } from '@tollgate/keys'
import { mock } from '@tollgate/provider-mock'
import { rateLimits } from '../src/index'

/**
 * The config of each gateway process in test/ratelimit-instances.test.ts: keys on a shared
 * SQLite file, counters in a shared Redis under a per-run prefix, the mock provider.
 */
export default defineConfig({
  providers: [mock({ chunkSize: 4 })],
  plugins: [keys({ lastUsedFlushMs: 60_000 }), rateLimits({ redis: { prefix: process.env.TOLLGATE_TEST_RATELIMIT_PREFIX } })],
})
