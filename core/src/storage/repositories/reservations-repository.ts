import { and, asc, eq, inArray, lt } from 'drizzle-orm'
import type { Database, Tables } from '../database'
import type { NewReservation, ReservationRecord, ReservationStatus } from '../billing-records'

/** Rows per `touch` statement (well under both databases' bound-parameter limits). */
const TOUCH_CHUNK = 500

/**
 * Holds of money for requests, keyed by the request id. `create` is idempotent (a second
 * reservation for the same request is refused, not added), and `transition` moves a
 * reservation only from the states given, so it can be settled or released exactly once.
 */
export interface ReservationsRepository {
  /** Insert a held reservation; undefined when the request already has one. */
  create(reservation: NewReservation): Promise<ReservationRecord | undefined>
  get(id: string): Promise<ReservationRecord | undefined>
  /** Move to `to` (with `changes`) only when the status is one of `from`; undefined otherwise. */
  transition(id: string, from: ReservationStatus[], to: ReservationStatus, changes?: { chargedMicros?: number }): Promise<ReservationRecord | undefined>
  /** Heartbeat: the instance serving these requests is alive. */
  touch(ids: string[]): Promise<void>
  /** Held reservations whose last heartbeat is older than `before`, oldest first. */
  listStale(before: Date, limit: number): Promise<ReservationRecord[]>
}

export function createReservationsRepository(db: Database, { reservations }: Tables): ReservationsRepository {
  return {
    async create(reservation) {
      const now = new Date()
      const [row] = await db
        .insert(reservations)
        .values({ ...reservation, status: 'held', chargedMicros: null, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning()
      return row
    },
    async get(id) {
      const [row] = await db.select().from(reservations).where(eq(reservations.id, id)).limit(1)
      return row
    },
    async transition(id, from, to, changes = {}) {
      const [row] = await db
        .update(reservations)
        .set({ ...changes, status: to, updatedAt: new Date() })
        .where(and(eq(reservations.id, id), inArray(reservations.status, from)))
        .returning()
      return row
    },
    async touch(ids) {
      for (let start = 0; start < ids.length; start += TOUCH_CHUNK) {
        await db
          .update(reservations)
          .set({ updatedAt: new Date() })
          .where(and(inArray(reservations.id, ids.slice(start, start + TOUCH_CHUNK)), eq(reservations.status, 'held')))
      }
    },
    listStale(before, limit) {
      return db
        .select()
        .from(reservations)
        .where(and(eq(reservations.status, 'held'), lt(reservations.updatedAt, before)))
        .orderBy(asc(reservations.updatedAt))
        .limit(limit)
    },
  }
}
