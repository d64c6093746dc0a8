import { ListSchema, PageQuerySchema, readPageQuery, toListResponse, Type, type PluginRoute } from '@tollgate/core'
import { documented } from './documented'
import type { KeysRuntime } from './keys-runtime'
import { createAccount, createKey, createProject, getAccount, getKey, revokeKey, updateAccount } from './manage-keys'
import type { AccountInput } from './read-account-input'
import type { KeyInput } from './read-key-input'
import { renderAccount, renderApiKey, renderProject } from './render-records'
import { AccountSchema, ApiKeySchema, CreateAccountBody, CreateKeyBody, CreatedApiKeySchema, CreateProjectBody, IdParams, ProjectSchema, UpdateAccountBody } from './schemas'

/**
 * The operator's API (`/admin/*`: core requires the master key or the `admin` scope). These
 * paths are a contract: operators' scripts depend on them.
 */
export function adminRoutes(runtime: KeysRuntime): PluginRoute[] {
  const renderKey = (key: Parameters<typeof renderApiKey>[0]) => renderApiKey(key, runtime.pendingLastUsed(key.id))
  return [
    {
      method: 'POST',
      path: '/admin/accounts',
      schema: { body: CreateAccountBody, detail: documented('Admin', 'Create an account', AccountSchema, [400]) },
      handler: async ({ body }) => renderAccount(await createAccount(await runtime.store(), body as AccountInput)),
    },
    {
      method: 'GET',
      path: '/admin/accounts',
      schema: { query: PageQuerySchema, detail: documented('Admin', 'List accounts, newest first', ListSchema(AccountSchema, 'A page of accounts'), [400]) },
      handler: async ({ query }) => toListResponse(await (await runtime.store()).accounts.list(readPageQuery(query)), renderAccount),
    },
    {
      method: 'GET',
      path: '/admin/accounts/:id',
      schema: { params: IdParams, detail: documented('Admin', 'Get an account', AccountSchema, [404]) },
      handler: async ({ params }) => renderAccount(await getAccount(await runtime.store(), params.id)),
    },
    {
      method: 'PATCH',
      path: '/admin/accounts/:id',
      schema: { params: IdParams, body: UpdateAccountBody, detail: documented('Admin', 'Change an account (name, plan, status, limits; null clears a limit)', AccountSchema, [400, 404]) },
      handler: async ({ params, body }) => {
        const account = await updateAccount(await runtime.store(), params.id, body as AccountInput)
        await runtime.invalidate({ accountId: account.id })
        return renderAccount(account)
      },
    },
    {
      method: 'POST',
      path: '/admin/accounts/:id/keys',
      schema: { params: IdParams, body: CreateKeyBody, detail: documented('Admin', "Create a key for an account (the response is the only time the key's secret is shown)", CreatedApiKeySchema, [400, 404]) },
      handler: async ({ params, body, context }) => {
        const created = await createKey(await runtime.store(), params.id, body as KeyInput, { createdBy: context?.principal?.keyId ?? 'master' })
        return { ...renderKey(created.record), key: created.key }
      },
    },
    {
      method: 'POST',
      path: '/admin/accounts/:id/projects',
      schema: { params: IdParams, body: CreateProjectBody, detail: documented('Admin', 'Create a project (a grouping of keys inside an account)', ProjectSchema, [400, 404]) },
      handler: async ({ params, body }) => renderProject(await createProject(await runtime.store(), params.id, (body as { name: string }).name)),
    },
    {
      method: 'GET',
      path: '/admin/accounts/:id/projects',
      schema: { params: IdParams, query: PageQuerySchema, detail: documented('Admin', "List an account's projects, newest first", ListSchema(ProjectSchema, 'A page of projects'), [400, 404]) },
      handler: async ({ params, query }) => {
        const store = await runtime.store()
        await getAccount(store, params.id)
        return toListResponse(await store.projects.list(params.id, readPageQuery(query)), renderProject)
      },
    },
    {
      method: 'GET',
      path: '/admin/keys',
      schema: {
        query: Type.Composite([PageQuerySchema, Type.Object({ account_id: Type.Optional(Type.String({ description: "Only this account's keys" })) })]),
        detail: documented('Admin', 'List keys (all, or one account’s), newest first', ListSchema(ApiKeySchema, 'A page of keys'), [400]),
      },
      handler: async ({ query }) => {
        const store = await runtime.store()
        return toListResponse(await store.apiKeys.list({ accountId: query.account_id || undefined }, readPageQuery(query)), renderKey)
      },
    },
    {
      method: 'GET',
      path: '/admin/keys/:id',
      schema: { params: IdParams, detail: documented('Admin', 'Get a key (never its secret)', ApiKeySchema, [404]) },
      handler: async ({ params }) => renderKey(await getKey(await runtime.store(), params.id)),
    },
    {
      method: 'DELETE',
      path: '/admin/keys/:id',
      schema: { params: IdParams, detail: documented('Admin', 'Revoke a key (takes effect at once, on every instance)', ApiKeySchema, [404]) },
      handler: async ({ params }) => {
        const key = await revokeKey(await runtime.store(), params.id)
        await runtime.invalidate({ keyId: key.id })
        return renderKey(key)
      },
    },
  ]
}
