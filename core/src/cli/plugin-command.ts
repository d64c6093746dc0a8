import type { PluginServices } from '../plugin/plugin-services'

/** One `--option` of a command. Values arrive typed: `list` is comma-separated (`--scopes a,b`). */
export interface CommandOption {
  type: 'string' | 'number' | 'boolean' | 'list'
  describe: string
  required?: boolean
}

export interface CommandInput {
  /** Positional arguments by their declared names. */
  arguments: Record<string, string | undefined>
  /** Options by their declared names (kebab-case, as typed). */
  options: Record<string, string | number | boolean | string[] | undefined>
}

export interface CommandOutput {
  /** What `--json` prints. */
  json: unknown
  /** What a human sees otherwise. */
  text: string
}

/**
 * A command of `bun run tollgate`, contributed by a plugin as data plus a `run` function.
 * It gets the same services as the running gateway (store, Redis, env). Throw a
 * GatewayError (its `param` names the option) for bad input.
 */
export interface PluginCommand {
  /** The words that select it, e.g. `keys create`. */
  name: string
  describe: string
  /** Positional arguments after the name, in order. */
  arguments?: Array<{ name: string; describe: string; required?: boolean }>
  options?: Record<string, CommandOption>
  run(input: CommandInput, services: PluginServices): CommandOutput | Promise<CommandOutput>
}
