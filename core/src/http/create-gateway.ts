import { openapi } from '@elysiajs/openapi'
import { Elysia } from 'elysia'
import { masterKeyPlugin } from '../auth/master-key-plugin'
import type { GatewayConfig } from '../config/define-config'
import { loadMasterKey } from '../config/load-master-key'
import { runtimeEnvironment } from '../config/runtime-environment'
import { GatewayError } from '../errors/gateway-error'
import type { GatewayPlugin } from '../plugin/gateway-plugin'
import type { PluginServices } from '../plugin/plugin-services'
import { createRedisClient, waitForRedis } from '../services/create-redis-client'
import { createLazyStore, storeOptionsFor } from '../storage/lazy-store'
import { createHookRunner } from '../pipeline/create-hook-runner'
import { authenticateRequest, failure, handleInference, type Admission, type InferenceRuntime } from '../pipeline/handle-inference'
import { createProvider } from '../routing/create-provider'
import { createModelCatalog } from '../routing/model-catalog'
import { answerPreflight, checkOrigin, originNotAllowed } from './cors-policy'
import { documentedResponses, documentWildcardRoutes } from './documented-responses'
import { elysiaErrorToGatewayError } from './elysia-error-to-gateway-error'
import { dialectForPath, inferenceRoutes } from './inference-routes'
import { documentModelRoutes, mountModelRoutes } from './models/model-routes'
import { mountPluginRoutes } from './mount-plugin-routes'
import { readJsonBody } from './read-json-body'
import { requestPath } from './request-path'

const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024
/** Every way a key may be sent (see read-credential.ts), as OpenAPI security requirements. */
const API_KEY_SECURITY: Array<Record<string, string[]>> = [{ bearer: [] }, { apiKey: [] }, { googApiKey: [] }, { queryKey: [] }, { basic: [] }]

/**
 * Build the gateway: an Elysia app serving every inbound surface, wired to the configured
 * providers and plugins. Core is the only package that knows Elysia exists.
 */
export function createGateway(config: GatewayConfig = {}) {
  const env = config.env ?? runtimeEnvironment()
  const logger = config.logger ?? console
  const dataDir = config.dataDir ?? env.TOLLGATE_DATA_DIR ?? './data'
  const masterKey = loadMasterKey({ configured: config.masterKey ?? env.TOLLGATE_MASTER_KEY, dataDir, announce: (message) => logger.info(message) })
  const plugins: GatewayPlugin[] = [masterKeyPlugin(masterKey), ...(config.plugins ?? [])]
  const providers = (config.providers ?? []).map((entry) => createProvider(entry, env))
  const maxBodyBytes = config.server?.maxBodyBytes ?? Number(env.TOLLGATE_MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES)
  const runtime: InferenceRuntime = { catalog: createModelCatalog(providers, config.aliases), hooks: createHookRunner(plugins, logger), logger }
  const admissions = new WeakMap<Request, Admission>()
  const redisURL = config.redisURL ?? env.REDIS_URL
  const store = createLazyStore(storeOptionsFor(config, env, dataDir))
  const services: PluginServices = { env, logger, dataDir, providers, catalog: runtime.catalog, redis: redisURL ? createRedisClient(redisURL, logger) : undefined, store: store.open }

  let started = false
  const ready = (async () => {
    if (services.redis) await waitForRedis(services.redis)
    for (const plugin of plugins) await plugin.start?.(services)
    started = true
  })()
  const stop = async () => {
    for (const plugin of [...plugins].reverse()) await plugin.stop?.()
    await store.close()
    await services.redis?.quit().catch(() => {})
  }

  const app = new Elysia({ name: 'tollgate', normalize: false })
    .use(
      openapi({
        path: '/openapi',
        documentation: {
          paths: { ...documentWildcardRoutes(inferenceRoutes, API_KEY_SECURITY), ...documentModelRoutes(API_KEY_SECURITY) } as never,
          info: { title: 'Tollgate', version: '0.1.0', description: 'One API for every LLM provider: OpenAI and Anthropic surfaces, any provider behind them.' },
          components: {
            securitySchemes: {
              bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <key>' },
              apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'x-api-key: <key> (Anthropic SDK)' },
              googApiKey: { type: 'apiKey', in: 'header', name: 'x-goog-api-key', description: 'x-goog-api-key: <key> (Gemini SDK)' },
              queryKey: { type: 'apiKey', in: 'query', name: 'key', description: '?key=<key> (Gemini REST; ?api-key= works too)' },
              basic: { type: 'http', scheme: 'basic', description: 'HTTP Basic with the key as the password' },
            },
          },
        },
      }),
    )
    .decorate('gateway', { runtime, providers, services, masterKey, ready, stop })
    // A DELETE (or PATCH/PUT) without a body has nothing to parse; a POST must send JSON.
    .onParse(({ request, contentType }) => (request.body === null && request.method !== 'POST' ? null : readJsonBody(request, contentType, maxBodyBytes)))
    .onRequest(async ({ request, set }) => {
      if (!started) await ready
      const path = requestPath(request.url)
      const admin = path.startsWith('/admin/')
      if (!admin && !path.startsWith('/v1/') && !path.startsWith('/v1beta/')) return
      if (request.method === 'OPTIONS' && !admin) {
        const preflight = answerPreflight(request)
        if (preflight) return preflight
      }
      const dialect = dialectForPath(path, request.headers)
      const admission = await authenticateRequest(runtime, dialect, request, path, admin ? ['admin'] : [])
      if (admission instanceof Response) return admission
      if (request.headers.has('origin')) {
        // Browser calls: the key must allow the origin (inference responses and plugin routes carry the CORS headers).
        const origin = checkOrigin(request.headers, admission.context.principal!)
        for (const [name, value] of Object.entries(origin.headers)) {
          admission.context.responseHeaders.set(name, value)
          set.headers[name] = value
        }
        if (!origin.allowed) return failure(runtime, dialect, admission.context, admission.finish, originNotAllowed(request.headers))
      }
      admissions.set(request, admission)
    })
    .onError(({ code, error, request }) => {
      const path = requestPath(request.url)
      const gatewayError = elysiaErrorToGatewayError(code, error)
      const admission = admissions.get(request)
      const dialect = dialectForPath(path, request.headers)
      if (admission) return failure(runtime, dialect, admission.context, admission.finish, gatewayError)
      const rendered = dialect.renderError(gatewayError)
      return new Response(JSON.stringify(rendered.body), { status: rendered.status, headers: { 'content-type': 'application/json', ...rendered.headers } })
    })
    .get('/health', () => ({ status: 'ok' as const }), { detail: { summary: 'Liveness probe', tags: ['Gateway'] } })

  for (const route of inferenceRoutes) {
    app.post(
      route.path,
      ({ request, body, params }) => {
        const admission = admissions.get(request)
        if (!admission) throw new GatewayError({ status: 401, message: 'Missing or invalid API key', code: 'invalid_api_key' })
        if (route.handle) return route.handle(runtime, admission, request, body as Record<string, unknown>, params as Record<string, string>)
        return handleInference(runtime, route.dialect, admission, request, body as Record<string, unknown>, params as Record<string, string>)
      },
      {
        body: route.body,
        // Documents the body as JSON in OpenAPI; the gateway's own parser above runs first and wins.
        parse: 'json',
        detail: {
          ...(route.documentedAs && { hide: true }),
          summary: route.summary,
          tags: [route.tag],
          security: API_KEY_SECURITY,
          responses: documentedResponses({
            ok: route.response,
            okDescription: route.streams === false ? 'The result' : 'The completion (JSON), or a server-sent event stream when `stream: true`',
            stream: route.streams !== false,
            errorSchema: route.errorSchema,
          }) as never,
        },
      },
    )
  }
  mountModelRoutes(app, { runtime, plugins, admissions, security: API_KEY_SECURITY })
  mountPluginRoutes(app, plugins, admissions)
  return app
}

export type Gateway = ReturnType<typeof createGateway>
