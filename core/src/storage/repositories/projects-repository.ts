import { and, eq } from 'drizzle-orm'
import { createId } from '../create-id'
import type { Database, Tables } from '../database'
import { readPage, type Page, type PageRequest } from '../pagination'
import type { NewProject, ProjectRecord } from '../records'

export interface ProjectsRepository {
  create(project: NewProject): Promise<ProjectRecord>
  /** With `accountId`, only a project of that account. */
  get(id: string, accountId?: string): Promise<ProjectRecord | undefined>
  list(accountId: string, page: PageRequest): Promise<Page<ProjectRecord>>
}

export function createProjectsRepository(db: Database, { projects }: Tables): ProjectsRepository {
  return {
    async create(project) {
      const [row] = await db
        .insert(projects)
        .values({ ...project, id: createId('proj'), createdAt: new Date() })
        .returning()
      return row
    },
    async get(id, accountId) {
      const [row] = await db
        .select()
        .from(projects)
        .where(and(eq(projects.id, id), accountId === undefined ? undefined : eq(projects.accountId, accountId)))
        .limit(1)
      return row
    },
    list(accountId, page) {
      return readPage(page, projects.id, eq(projects.accountId, accountId), (where, orderBy, limit) => db.select().from(projects).where(where).orderBy(orderBy).limit(limit))
    },
  }
}
