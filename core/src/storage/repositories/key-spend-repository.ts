import { and, eq, sql } from 'drizzle-orm'
import type { Database, Tables } from '../database'
import type { KeySpendRecord } from '../billing-records'

/**
 * What each key has spent and holds, for spend limits. Like the balances, every change is one
 * conditional UPDATE, so concurrent requests of one key can never hold more than its limit.
 */
export interface KeySpendRepository {
  get(keyId: string): Promise<KeySpendRecord | undefined>
  /**
   * Hold `amount` for the key; with a `limitMicros`, only when `spent + reserved + amount ≤
   * limit`. Undefined when it does not fit.
   */
  hold(keyId: string, accountId: string, amount: number, limitMicros?: number): Promise<KeySpendRecord | undefined>
  /** Release the hold `held` and add `charge` to what the key has spent. */
  settle(keyId: string, held: number, charge: number): Promise<KeySpendRecord | undefined>
  release(keyId: string, held: number): Promise<KeySpendRecord | undefined>
  /** Take a refund back out of what the key has spent. */
  refund(keyId: string, amount: number): Promise<KeySpendRecord | undefined>
}

export function createKeySpendRepository(db: Database, { keySpend }: Tables): KeySpendRepository {
  const update = async (keyId: string, set: Record<string, unknown>, condition?: ReturnType<typeof sql>) => {
    const [row] = await db
      .update(keySpend)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(keySpend.keyId, keyId), condition))
      .returning()
    return row
  }
  return {
    async get(keyId) {
      const [row] = await db.select().from(keySpend).where(eq(keySpend.keyId, keyId)).limit(1)
      return row
    },
    async hold(keyId, accountId, amount, limitMicros) {
      await db.insert(keySpend).values({ keyId, accountId, spentMicros: 0, reservedMicros: 0, updatedAt: new Date() }).onConflictDoNothing()
      const fits = limitMicros === undefined ? undefined : sql`${keySpend.spentMicros} + ${keySpend.reservedMicros} + ${amount} <= ${limitMicros}`
      return update(keyId, { reservedMicros: sql`${keySpend.reservedMicros} + ${amount}` }, fits)
    },
    settle: (keyId, held, charge) => update(keyId, { spentMicros: sql`${keySpend.spentMicros} + ${charge}`, reservedMicros: sql`${keySpend.reservedMicros} - ${held}` }),
    release: (keyId, held) => update(keyId, { reservedMicros: sql`${keySpend.reservedMicros} - ${held}` }),
    refund: (keyId, amount) => update(keyId, { spentMicros: sql`${keySpend.spentMicros} - ${amount}` }),
  }
}
