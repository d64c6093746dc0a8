import { readFileSync } from 'node:fs'

/**
 * A JSON setting from the environment: the variable holds either the JSON itself (it starts
 * with `{` or `[`) or the path of a JSON file. Returns undefined when unset, and where the value
 * came from (for error messages); throws a message naming the variable when it cannot be read.
 */
export function readJsonSetting(env: Record<string, string | undefined>, name: string): { value: unknown; source: string } | undefined {
  const setting = env[name]?.trim()
  if (!setting) return undefined
  const fromFile = !setting.startsWith('{') && !setting.startsWith('[')
  let text = setting
  if (fromFile) {
    try {
      text = readFileSync(setting, 'utf8')
    } catch (error) {
      throw new Error(`${name} names a file that cannot be read: ${setting} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  }
  try {
    return { value: JSON.parse(text), source: fromFile ? `${name} file ${setting}` : name }
  } catch (error) {
    throw new Error(`${name}${fromFile ? ` (${setting})` : ''} is not valid JSON: ${(error as Error).message}`)
  }
}
