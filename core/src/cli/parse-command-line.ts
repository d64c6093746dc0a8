import { GatewayError } from '../errors/gateway-error'
import type { CommandInput, CommandOption, PluginCommand } from './plugin-command'

export type ParsedCommandLine = { kind: 'help'; command?: PluginCommand } | { kind: 'run'; command: PluginCommand; input: CommandInput; json: boolean }

const usage = (message: string, param?: string) => new GatewayError({ status: 400, code: 'invalid_arguments', message, param })

/**
 * `keys create --account acct_1 --name web --scopes inference,models:read --json`: the longest
 * command name matching the leading words, then positional arguments and `--options`
 * (`--name value` or `--name=value`; booleans need no value). `--json` and `--help` are global.
 */
export function parseCommandLine(argv: string[], commands: PluginCommand[]): ParsedCommandLine {
  const firstFlag = argv.findIndex((token) => token.startsWith('-'))
  const leading = firstFlag === -1 ? argv : argv.slice(0, firstFlag)
  const command = [...commands].sort((a, b) => b.name.length - a.name.length).find((candidate) => candidate.name.split(' ').every((part, index) => leading[index] === part))
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help', command }
  if (!command) throw usage(`Unknown command '${leading.join(' ')}'`)

  const options = command.options ?? {}
  const positional: string[] = []
  const values = new Map<string, string>()
  let json = false
  const rest = argv.slice(command.name.split(' ').length)
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]
    if (!token.startsWith('--')) {
      positional.push(token)
      continue
    }
    const equals = token.indexOf('=')
    const name = equals === -1 ? token.slice(2) : token.slice(2, equals)
    if (name === 'json') {
      json = true
      continue
    }
    const option = options[name]
    if (!option) throw usage(`Unknown option --${name} for '${command.name}'`, name)
    if (equals !== -1) values.set(name, token.slice(equals + 1))
    else if (option.type === 'boolean') values.set(name, 'true')
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) values.set(name, rest[++i])
    else throw usage(`Option --${name} needs a value`, name)
  }

  const declared = command.arguments ?? []
  if (positional.length > declared.length) throw usage(`Unexpected argument '${positional[declared.length]}'`)
  const input: CommandInput = { arguments: {}, options: {} }
  declared.forEach((argument, index) => {
    if (argument.required && positional[index] === undefined) throw usage(`Missing argument <${argument.name}>`, argument.name)
    input.arguments[argument.name] = positional[index]
  })
  for (const [name, option] of Object.entries(options)) {
    const raw = values.get(name)
    if (raw !== undefined) input.options[name] = convert(name, option, raw)
    else if (option.required) throw usage(`Missing option --${name}`, name)
  }
  return { kind: 'run', command, input, json }
}

function convert(name: string, option: CommandOption, raw: string): string | number | boolean | string[] {
  switch (option.type) {
    case 'number': {
      const value = Number(raw)
      if (raw.trim() === '' || !Number.isFinite(value)) throw usage(`Option --${name} must be a number (got '${raw}')`, name)
      return value
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw usage(`Option --${name} is true or false (got '${raw}')`, name)
      return raw === 'true'
    case 'list':
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    default:
      return raw
  }
}
