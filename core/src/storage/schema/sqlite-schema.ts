/**
 * The tables on SQLite. Same tables, columns and JavaScript types as postgres-schema.ts (a
 * type test checks it), so one set of repositories serves both. Money is integer micro-USD.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' })
const money = (name: string) => integer(name)

export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  plan: text('plan').notNull().default('default'),
  status: text('status', { enum: ['active', 'suspended'] }).notNull().default('active'),
  rpm: integer('rpm'),
  tpm: integer('tpm'),
  maxConcurrency: integer('max_concurrency'),
  balanceMicros: money('balance_micros').notNull().default(0),
  reservedMicros: money('reserved_micros').notNull().default(0),
  createdAt: timestamp('created_at').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
})

export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (table) => [index('projects_account_id_index').on(table.accountId, table.id)],
)

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    projectId: text('project_id').references(() => projects.id),
    name: text('name').notNull(),
    type: text('type', { enum: ['private', 'public'] }).notNull(),
    hash: text('hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    models: text('models', { mode: 'json' }).$type<string[]>(),
    allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>(),
    rpm: integer('rpm'),
    tpm: integer('tpm'),
    maxConcurrency: integer('max_concurrency'),
    spendLimitMicros: money('spend_limit_micros'),
    expiresAt: timestamp('expires_at'),
    revokedAt: timestamp('revoked_at'),
    lastUsedAt: timestamp('last_used_at'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at').notNull(),
  },
  (table) => [uniqueIndex('api_keys_hash_index').on(table.hash), index('api_keys_account_id_index').on(table.accountId, table.id)],
)
