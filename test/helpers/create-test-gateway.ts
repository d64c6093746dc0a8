import { createGateway, definePlugin, type FinishInfo, type GatewayConfig, type RequestContext } from '@tollgate/core'
import { createFakeUpstream } from '@tollgate/core/testing'
import { anthropic } from '@tollgate/provider-anthropic'
import { gemini } from '@tollgate/provider-gemini'
import { mock } from '@tollgate/provider-mock'
import { openai } from '@tollgate/provider-openai'

export const MASTER_KEY = 'sk-tg-test-master-key'
export const OPENAI_SECRET = 'sk-openai-upstream-secret-123456'
export const ANTHROPIC_SECRET = 'sk-ant-upstream-secret-123456'
export const GEMINI_SECRET = 'AIzaSy-gemini-upstream-secret-123456'
export const BASE_URL = 'http://tollgate.test'

/**
 * A gateway wired to fake OpenAI, Anthropic and Gemini upstreams (replaying recorded traffic) and the
 * mock provider, with a recorder plugin that keeps every finish call. No port is opened.
 */
export function createTestGateway(overrides: Partial<GatewayConfig> = {}) {
  const openaiUpstream = createFakeUpstream()
  const anthropicUpstream = createFakeUpstream()
  const geminiUpstream = createFakeUpstream()
  const finishes: Array<{ context: RequestContext; info: FinishInfo }> = []
  let notify: (() => void) | undefined
  const recorder = definePlugin({
    name: 'recorder',
    hooks: {
      onFinish(context, info) {
        finishes.push({ context, info })
        notify?.()
      },
    },
  })
  const app = createGateway({
    masterKey: MASTER_KEY,
    dataDir: '/tmp/tollgate-test-data',
    env: {},
    logger: { info() {}, warn() {}, error() {} },
    providers: [
      openai({ apiKey: OPENAI_SECRET, baseURL: 'https://api.openai.test/v1', fetch: openaiUpstream.fetch }),
      anthropic({ apiKey: ANTHROPIC_SECRET, baseURL: 'https://api.anthropic.test', fetch: anthropicUpstream.fetch }),
      gemini({ apiKey: GEMINI_SECRET, baseURL: 'https://gemini.googleapis.test', fetch: geminiUpstream.fetch }),
      mock({ chunkSize: 4 }),
    ],
    ...overrides,
    plugins: [...(overrides.plugins ?? []), recorder],
  })
  const handle = (input: string | URL | Request, init?: RequestInit) => app.handle(input instanceof Request ? input : new Request(input, init))

  return {
    app,
    openaiUpstream,
    anthropicUpstream,
    geminiUpstream,
    finishes,
    /** `fetch` that goes straight into the gateway, for SDK clients. */
    fetch: handle as unknown as typeof fetch,
    /** POST JSON to a gateway path with the master key. */
    post(path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) {
      return handle(`${BASE_URL}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}`, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        signal,
      })
    },
    /** Resolves when `count` requests have finished. */
    async waitForFinishes(count: number, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs
      while (finishes.length < count && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          notify = resolve
          setTimeout(resolve, 20)
        })
      }
      return finishes
    },
  }
}

export async function readFixture(path: string): Promise<string> {
  return Bun.file(new URL(`../fixtures/${path}`, import.meta.url)).text()
}

export async function readJsonFixture<T = any>(path: string): Promise<T> {
  return JSON.parse(await readFixture(path)) as T
}
