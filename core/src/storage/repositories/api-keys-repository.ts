import { and, eq, isNull, lt, or } from 'drizzle-orm'
import { createId } from '../create-id'
import type { Database, Tables } from '../database'
import { readPage, type Page, type PageRequest } from '../pagination'
import type { ApiKeyRecord, NewApiKey } from '../records'

/** Rows per INSERT in bulk writes (well under SQLite's and PostgreSQL's bound-parameter limits). */
const BULK_CHUNK = 1000

export interface ApiKeysRepository {
  create(key: NewApiKey): Promise<ApiKeyRecord>
  /** Bulk insert (seeding, imports); returns how many rows were written. */
  createMany(keys: NewApiKey[]): Promise<number>
  /** The authentication lookup: by the SHA-256 of the key (unique index). */
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>
  /** With `accountId`, only a key of that account. */
  get(id: string, accountId?: string): Promise<ApiKeyRecord | undefined>
  list(filter: { accountId?: string }, page: PageRequest): Promise<Page<ApiKeyRecord>>
  /** Mark revoked (idempotent: the first revocation time stays); undefined when not found. */
  revoke(id: string, accountId?: string): Promise<ApiKeyRecord | undefined>
  /** Batched last-used times: only ever moves a key's time forward. */
  recordLastUsed(entries: Iterable<[id: string, usedAt: Date]>): Promise<void>
}

export function createApiKeysRepository(db: Database, { apiKeys }: Tables): ApiKeysRepository {
  const row = (key: NewApiKey) => ({ ...key, id: key.id ?? createId('key'), createdAt: key.createdAt ?? new Date() })
  const scoped = (id: string, accountId?: string) => and(eq(apiKeys.id, id), accountId === undefined ? undefined : eq(apiKeys.accountId, accountId))

  const repository: ApiKeysRepository = {
    async create(key) {
      const [created] = await db.insert(apiKeys).values(row(key)).returning()
      return created
    },
    async createMany(keys) {
      for (let start = 0; start < keys.length; start += BULK_CHUNK) {
        await db.insert(apiKeys).values(keys.slice(start, start + BULK_CHUNK).map(row))
      }
      return keys.length
    },
    async findByHash(hash) {
      const [found] = await db.select().from(apiKeys).where(eq(apiKeys.hash, hash)).limit(1)
      return found
    },
    async get(id, accountId) {
      const [found] = await db.select().from(apiKeys).where(scoped(id, accountId)).limit(1)
      return found
    },
    list(filter, page) {
      const where = filter.accountId === undefined ? undefined : eq(apiKeys.accountId, filter.accountId)
      return readPage(page, apiKeys.id, where, (condition, orderBy, limit) => db.select().from(apiKeys).where(condition).orderBy(orderBy).limit(limit))
    },
    async revoke(id, accountId) {
      const [revoked] = await db
        .update(apiKeys)
        .set({ revokedAt: new Date() })
        .where(and(scoped(id, accountId), isNull(apiKeys.revokedAt)))
        .returning()
      return revoked ?? repository.get(id, accountId)
    },
    async recordLastUsed(entries) {
      for (const [id, usedAt] of entries) {
        await db
          .update(apiKeys)
          .set({ lastUsedAt: usedAt })
          .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, usedAt))))
      }
    },
  }
  return repository
}
