import type { Database, Tables } from '../database'
import { createAccountsRepository, type AccountsRepository } from './accounts-repository'
import { createApiKeysRepository, type ApiKeysRepository } from './api-keys-repository'
import { createBalancesRepository, type BalancesRepository } from './balances-repository'
import { createKeySpendRepository, type KeySpendRepository } from './key-spend-repository'
import { createLedgerRepository, type LedgerRepository } from './ledger-repository'
import { createProjectsRepository, type ProjectsRepository } from './projects-repository'
import { createReservationsRepository, type ReservationsRepository } from './reservations-repository'
import { createUsageRecordsRepository, type UsageRecordsRepository } from './usage-records-repository'

/** Every repository, bound to one database handle (the store's, or a transaction's). */
export interface Repositories {
  accounts: AccountsRepository
  projects: ProjectsRepository
  apiKeys: ApiKeysRepository
  /** Billing: account balances and holds (conditional updates of `accounts`). */
  balances: BalancesRepository
  /** Billing: the append-only ledger. */
  ledger: LedgerRepository
  /** Billing: money held per request. */
  reservations: ReservationsRepository
  /** Billing: spend and holds per key (spend limits). */
  keySpend: KeySpendRepository
  /** Billing: one record per inference request. */
  usageRecords: UsageRecordsRepository
}

export function createRepositories(db: Database, tables: Tables): Repositories {
  return {
    accounts: createAccountsRepository(db, tables),
    projects: createProjectsRepository(db, tables),
    apiKeys: createApiKeysRepository(db, tables),
    balances: createBalancesRepository(db, tables),
    ledger: createLedgerRepository(db, tables),
    reservations: createReservationsRepository(db, tables),
    keySpend: createKeySpendRepository(db, tables),
    usageRecords: createUsageRecordsRepository(db, tables),
  }
}
