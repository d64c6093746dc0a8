const fixtures = new URL('../fixtures/', import.meta.url)

/** A fixture copied into this package (see fixtures/README.md), as text or parsed JSON. */
export const readFixture = (path: string) => Bun.file(new URL(path, fixtures)).text()
export const readJsonFixture = (path: string): Promise<any> => Bun.file(new URL(path, fixtures)).json()

/** `{ name: text }` for each listed fixture, as `runProviderContract` takes them. */
export async function readFixtures(paths: string[]): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await readFixture(path)])))
}

export async function readJsonFixtures(paths: string[]): Promise<Record<string, unknown>> {
  return Object.fromEntries(await Promise.all(paths.map(async (path) => [path, await readJsonFixture(path)])))
}
