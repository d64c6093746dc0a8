import { and, eq, sql } from 'drizzle-orm'
import type { Database, Tables } from '../database'

/** An account's money, micro-USD: the balance, and the part of it held by requests in flight. */
export interface BalanceFigures {
  balanceMicros: number
  reservedMicros: number
}

/**
 * The balance columns of `accounts`, changed only by single conditional UPDATEs: each one checks
 * and changes the figures in one statement (the row lock of PostgreSQL's UPDATE re-checks the
 * condition against the latest row; SQLite runs statements one at a time), so concurrent
 * requests can never take the available money (`balance − reserved`) below zero. Each method
 * returns the figures after the change, or undefined when the condition did not hold.
 */
export interface BalancesRepository {
  get(accountId: string): Promise<BalanceFigures | undefined>
  /** Hold `amount` when `balance − reserved ≥ threshold` (threshold ≥ amount). */
  hold(accountId: string, amount: number, threshold: number): Promise<BalanceFigures | undefined>
  /** Give back a hold. */
  release(accountId: string, amount: number): Promise<BalanceFigures | undefined>
  /** Release the request's hold `held` and charge `charge`, when the rest of the holds stay covered. */
  settle(accountId: string, held: number, charge: number): Promise<BalanceFigures | undefined>
  /** Add `amount` (signed) to the balance; a debit only when the available money covers it. */
  adjust(accountId: string, amount: number): Promise<BalanceFigures | undefined>
}

export function createBalancesRepository(db: Database, { accounts }: Tables): BalancesRepository {
  const figures = { balanceMicros: accounts.balanceMicros, reservedMicros: accounts.reservedMicros }
  const available = sql`${accounts.balanceMicros} - ${accounts.reservedMicros}`
  const update = async (accountId: string, set: Record<string, unknown>, condition?: ReturnType<typeof sql>) => {
    const [row] = await db
      .update(accounts)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(accounts.id, accountId), condition))
      .returning(figures)
    return row
  }
  return {
    async get(accountId) {
      const [row] = await db.select(figures).from(accounts).where(eq(accounts.id, accountId)).limit(1)
      return row
    },
    hold: (accountId, amount, threshold) => update(accountId, { reservedMicros: sql`${accounts.reservedMicros} + ${amount}` }, sql`${available} >= ${threshold}`),
    release: (accountId, amount) => update(accountId, { reservedMicros: sql`${accounts.reservedMicros} - ${amount}` }),
    settle: (accountId, held, charge) =>
      update(
        accountId,
        { balanceMicros: sql`${accounts.balanceMicros} - ${charge}`, reservedMicros: sql`${accounts.reservedMicros} - ${held}` },
        sql`${available} + ${held} >= ${charge}`,
      ),
    adjust: (accountId, amount) => update(accountId, { balanceMicros: sql`${accounts.balanceMicros} + ${amount}` }, amount < 0 ? sql`${available} >= ${-amount}` : undefined),
  }
}
