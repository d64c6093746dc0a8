/**
 * The tables on PostgreSQL. Same tables, columns and JavaScript types as sqlite-schema.ts (a
 * type test checks it). Money is bigint micro-USD read as a JavaScript number (exact up to
 * 9 billion USD).
 */
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp as pgTimestamp, uniqueIndex } from 'drizzle-orm/pg-core'

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

// Billing (see billing-records.ts): the append-only ledger, reservations, per-key spend, usage records.
const LEDGER_ENTRY_TYPES = ['credit', 'reserve', 'settle', 'release', 'refund', 'adjustment'] as const
const RESERVATION_STATUSES = ['held', 'settled', 'released', 'expired'] as const
const OUTCOMES = ['ok', 'error', 'cancelled'] as const

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    type: text('type', { enum: LEDGER_ENTRY_TYPES }).notNull(),
    amountMicros: money('amount_micros').notNull(),
    reservedMicros: money('reserved_micros').notNull(),
    balanceAfterMicros: money('balance_after_micros').notNull(),
    reservedAfterMicros: money('reserved_after_micros').notNull(),
    requestId: text('request_id'),
    keyId: text('key_id'),
    priceVersion: text('price_version'),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at').notNull(),
  },
  (table) => [index('ledger_entries_account_id_index').on(table.accountId, table.id), uniqueIndex('ledger_entries_request_index').on(table.accountId, table.type, table.requestId)],
)

export const reservations = pgTable(
  'reservations',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    keyId: text('key_id'),
    amountMicros: money('amount_micros').notNull(),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull(),
    priceVersion: text('price_version'),
    chargedMicros: money('charged_micros'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (table) => [index('reservations_status_index').on(table.status, table.updatedAt)],
)

export const keySpend = pgTable('key_spend', {
  keyId: text('key_id').primaryKey(),
  accountId: text('account_id').notNull(),
  spentMicros: money('spent_micros').notNull().default(0),
  reservedMicros: money('reserved_micros').notNull().default(0),
  updatedAt: timestamp('updated_at').notNull(),
})

export const usageRecords = pgTable(
  'usage_records',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id'),
    keyId: text('key_id'),
    projectId: text('project_id'),
    dialect: text('dialect').notNull(),
    model: text('model').notNull(),
    servedModel: text('served_model'),
    provider: text('provider'),
    inputTokens: integer('input_tokens').notNull(),
    inputNoCacheTokens: integer('input_no_cache_tokens').notNull(),
    inputCacheReadTokens: integer('input_cache_read_tokens').notNull(),
    inputCacheWriteTokens: integer('input_cache_write_tokens').notNull(),
    outputTokens: integer('output_tokens').notNull(),
    outputTextTokens: integer('output_text_tokens').notNull(),
    outputReasoningTokens: integer('output_reasoning_tokens').notNull(),
    estimated: boolean('estimated').notNull(),
    costMicros: money('cost_micros').notNull(),
    chargedMicros: money('charged_micros').notNull(),
    priceVersion: text('price_version'),
    latencyMs: integer('latency_ms').notNull(),
    timeToFirstTokenMs: integer('time_to_first_token_ms'),
    status: integer('status').notNull(),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    errorCode: text('error_code'),
    streamed: boolean('streamed').notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (table) => [index('usage_records_account_id_index').on(table.accountId, table.id), index('usage_records_key_id_index').on(table.keyId, table.id), index('usage_records_created_at_index').on(table.createdAt)],
)
