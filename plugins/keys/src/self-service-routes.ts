import { GatewayError, hasScope, ListSchema, PageQuerySchema, readPageQuery, toListResponse, type PluginRoute, type RequestContext } from '@tollgate/core'
import { documented } from './documented'
import type { KeysRuntime } from './keys-runtime'
import { createKey, revokeKey } from './manage-keys'
import type { KeyInput } from './read-key-input'
import { renderApiKey } from './render-records'
import { ApiKeySchema, CreateKeyBody, CreatedApiKeySchema, IdParams } from './schemas'

/** The caller, when it may manage its own account's keys. */
function keyManager(context: RequestContext | undefined) {
  const principal = context?.principal
  if (!principal || !hasScope(principal, 'keys:write')) {
    throw new GatewayError({ status: 403, code: 'insufficient_scope', message: 'This key lacks the scope keys:write' })
  }
  if (!principal.accountId) {
    throw new GatewayError({ status: 400, code: 'no_account', message: 'This credential belongs to no account: manage keys with /admin/accounts/{id}/keys' })
  }
  return { ...principal, accountId: principal.accountId }
}

/** Self-service `/v1/keys` for a private key holding `keys:write`: its own account only, never more than it holds. */
export function selfServiceRoutes(runtime: KeysRuntime): PluginRoute[] {
  const renderKey = (key: Parameters<typeof renderApiKey>[0]) => renderApiKey(key, runtime.pendingLastUsed(key.id))
  return [
    {
      method: 'POST',
      path: '/v1/keys',
      schema: { body: CreateKeyBody, detail: documented('Keys', 'Create a key in your own account (scopes and models no wider than your key’s)', CreatedApiKeySchema, [400, 404]) },
      handler: async ({ body, context }) => {
        const caller = keyManager(context)
        const created = await createKey(await runtime.store(), caller.accountId, body as KeyInput, { createdBy: caller.keyId, grantor: caller })
        return { ...renderKey(created.record), key: created.key }
      },
    },
    {
      method: 'GET',
      path: '/v1/keys',
      schema: { query: PageQuerySchema, detail: documented('Keys', "List your account's keys, newest first", ListSchema(ApiKeySchema, 'A page of keys'), [400]) },
      handler: async ({ query, context }) => {
        const caller = keyManager(context)
        return toListResponse(await (await runtime.store()).apiKeys.list({ accountId: caller.accountId }, readPageQuery(query)), renderKey)
      },
    },
    {
      method: 'DELETE',
      path: '/v1/keys/:id',
      schema: { params: IdParams, detail: documented('Keys', 'Revoke a key of your account (takes effect at once)', ApiKeySchema, [404]) },
      handler: async ({ params, context }) => {
        const caller = keyManager(context)
        const key = await revokeKey(await runtime.store(), params.id, caller.accountId)
        await runtime.invalidate({ keyId: key.id })
        return renderKey(key)
      },
    },
  ]
}
