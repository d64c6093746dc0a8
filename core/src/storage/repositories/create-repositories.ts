import type { Database, Tables } from '../database'
import { createAccountsRepository, type AccountsRepository } from './accounts-repository'
import { createApiKeysRepository, type ApiKeysRepository } from './api-keys-repository'
import { createProjectsRepository, type ProjectsRepository } from './projects-repository'

/** Every repository, bound to one database handle (the store's, or a transaction's). */
export interface Repositories {
  accounts: AccountsRepository
  projects: ProjectsRepository
  apiKeys: ApiKeysRepository
}

export function createRepositories(db: Database, tables: Tables): Repositories {
  return {
    accounts: createAccountsRepository(db, tables),
    projects: createProjectsRepository(db, tables),
    apiKeys: createApiKeysRepository(db, tables),
  }
}
