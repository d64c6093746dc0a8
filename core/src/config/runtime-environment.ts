/** The process environment on Bun, Node or Deno, without naming a runtime API in core. */
export function runtimeEnvironment(): Record<string, string | undefined> {
  const deno = (globalThis as { Deno?: { env: { toObject(): Record<string, string> } } }).Deno
  if (deno) return deno.env.toObject()
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {}
}
