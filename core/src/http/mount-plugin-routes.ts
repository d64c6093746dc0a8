import type { Elysia } from 'elysia'
import type { GatewayPlugin } from '../plugin/gateway-plugin'
import type { Admission } from '../pipeline/handle-inference'

/** Plugins describe routes as data (method, path, TypeBox schemas, handler); core mounts them. */
export function mountPluginRoutes(app: Elysia<any, any, any, any, any, any, any>, plugins: GatewayPlugin[], admissions: WeakMap<Request, Admission>) {
  for (const plugin of plugins) {
    for (const route of plugin.routes ?? []) {
      const schema = route.schema ?? {}
      app.route(
        route.method,
        route.path,
        (({ request, body, query, params }: { request: Request; body: unknown; query: Record<string, string | undefined>; params: Record<string, string> }) =>
          route.handler({ request, body, query, params, context: admissions.get(request)?.context })) as never,
        {
          body: schema.body,
          // Documents the body as JSON in OpenAPI; the gateway's own parser still runs first.
          parse: schema.body ? 'json' : undefined,
          query: schema.query,
          params: schema.params,
          detail: { tags: [plugin.name], ...schema.detail },
        } as never,
      )
    }
  }
}
