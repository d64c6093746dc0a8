const fixtures = new URL('../fixtures/', import.meta.url)

/** A recorded fixture copied into this package (see fixtures/README.md). */
export const readFixture = (name: string) => Bun.file(new URL(name, fixtures)).text()
export const readJsonFixture = (name: string): Promise<any> => Bun.file(new URL(name, fixtures)).json()
export const fixtureNames = (pattern: string) => [...new Bun.Glob(pattern).scanSync(fixtures.pathname)].sort()
