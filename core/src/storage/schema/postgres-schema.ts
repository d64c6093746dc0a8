/**
 * The tables on PostgreSQL. Same tables, columns and JavaScript types as sqlite-schema.ts (a
 * type test checks it). Money is bigint micro-USD read as a JavaScript number (exact up to
 * 9 billion USD).
 */
import { bigint, index, integer, jsonb, pgTable, text, timestamp as pgTimestamp, uniqueIndex } from 'drizzle-orm/pg-core'

const timestamp = (name: string) => pgTimestamp(name, { withTimezone: true, mode: 'date', precision: 3 })
const money = (name: string) => bigint(name, { mode: 'number' })

export const accounts = pgTable('accounts', {
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

export const projects = pgTable(
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

export const apiKeys = pgTable(
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
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    models: jsonb('models').$type<string[]>(),
    allowedOrigins: jsonb('allowed_origins').$type<string[]>(),
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
