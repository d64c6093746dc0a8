import type { GatewayConfig } from '../config/define-config'
import { GatewayError } from '../errors/gateway-error'
import { openStore, type StoreOptions } from '../storage/open-store'
import { createCliServices } from './create-cli-services'
import { describeCommands } from './describe-commands'
import { parseCommandLine } from './parse-command-line'
import type { PluginCommand } from './plugin-command'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
}

/** Core's own commands. */
function coreCommands(storeOptions: StoreOptions): PluginCommand[] {
  return [
    {
      name: 'migrate',
      describe: 'Apply pending database migrations (the gateway also does it at every start)',
      async run() {
        const store = await openStore({ ...storeOptions, migrate: false })
        try {
          const result = await store.migrate()
          const text = result.applied ? `Applied ${result.applied} migration(s) to ${store.location} (${result.total} in total)` : `${store.location} is up to date (${result.total} migration(s))`
          return { json: { object: 'migration', dialect: store.dialect, ...result }, text }
        } finally {
          await store.close()
        }
      },
    },
  ]
}

/**
 * `bun run tollgate <command>`: core's commands plus those of the configured plugins, run
 * against the gateway's store. Returns the exit code: 0 ok, 1 the command failed, 2 bad usage.
 */
export async function runCli(argv: string[], config: GatewayConfig, io: CliIo): Promise<number> {
  const logger = { info: (message: string) => io.stderr(message), warn: (message: string) => io.stderr(message), error: (message: string) => io.stderr(message) }
  const { services, storeOptions, close } = await createCliServices(config, logger)
  const commands = [...coreCommands(storeOptions), ...(config.plugins ?? []).flatMap((plugin) => plugin.commands ?? [])]
  try {
    const parsed = parseCommandLine(argv, commands)
    if (parsed.kind === 'help') {
      io.stdout(describeCommands(commands, parsed.command))
      return argv.length === 0 ? 2 : 0
    }
    try {
      const output = await parsed.command.run(parsed.input, services)
      io.stdout(parsed.json ? JSON.stringify(output.json, null, 2) : output.text)
      return 0
    } catch (error) {
      if (parsed.json && error instanceof GatewayError) io.stdout(JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } }, null, 2))
      else io.stderr(`error: ${error instanceof GatewayError ? error.message : (error as Error).message}`)
      return 1
    }
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\n\n${describeCommands(commands)}`)
    return 2
  } finally {
    await close()
  }
}
