import { eq } from 'drizzle-orm'
import { createId } from '../create-id'
import type { Database, Tables } from '../database'
import { readPage, type Page, type PageRequest } from '../pagination'
import type { AccountChanges, AccountRecord, NewAccount } from '../records'

export interface AccountsRepository {
  create(account: NewAccount): Promise<AccountRecord>
  get(id: string): Promise<AccountRecord | undefined>
  list(page: PageRequest): Promise<Page<AccountRecord>>
  /** Apply the changes (undefined fields stay, null clears); undefined when the account does not exist. */
  update(id: string, changes: AccountChanges): Promise<AccountRecord | undefined>
}

export function createAccountsRepository(db: Database, { accounts }: Tables): AccountsRepository {
  return {
    async create(account) {
      const now = new Date()
      const [row] = await db
        .insert(accounts)
        .values({ ...account, id: createId('acct'), createdAt: now, updatedAt: now })
        .returning()
      return row
    },
    async get(id) {
      const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1)
      return row
    },
    list(page) {
      return readPage(page, accounts.id, undefined, (where, orderBy, limit) => db.select().from(accounts).where(where).orderBy(orderBy).limit(limit))
    },
    async update(id, changes) {
      const [row] = await db
        .update(accounts)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(accounts.id, id))
        .returning()
      return row
    },
  }
}
