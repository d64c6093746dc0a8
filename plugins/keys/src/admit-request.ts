import { GatewayError, hasScope, matchesAny, type ModelCatalog, type RequestContext } from '@tollgate/core'

/** The names a requested model is known by: as asked, and as `provider/model` and bare id once resolved. */
function modelNames(model: string, catalog: ModelCatalog): string[] {
  try {
    const route = catalog.resolve(model)
    return [model, `${route.provider.id}/${route.upstreamModel}`, route.upstreamModel]
  } catch {
    return [model]
  }
}

/**
 * The admit hook: an inference request needs the `inference` scope, and a model inside the
 * key's allowlist (patterns match the name asked for or the resolved `provider/model`).
 */
export function admitRequest(context: RequestContext, catalog: ModelCatalog) {
  const principal = context.principal
  if (!principal) return
  if (!hasScope(principal, 'inference')) {
    throw new GatewayError({ status: 403, code: 'insufficient_scope', message: 'This key lacks the scope inference' })
  }
  if (principal.models && !matchesAny(principal.models, modelNames(context.model, catalog))) {
    throw new GatewayError({ status: 403, param: 'model', code: 'model_not_allowed', message: `This key may not use the model '${context.model}'` })
  }
}
