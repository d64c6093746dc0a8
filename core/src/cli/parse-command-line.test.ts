import { describe, expect, test } from 'bun:test'
import type { GatewayError } from '../errors/gateway-error'
import { parseCommandLine } from './parse-command-line'
import type { PluginCommand } from './plugin-command'

const output = { json: null, text: '' }
const commands: PluginCommand[] = [
  { name: 'keys', describe: 'group', run: () => output },
  {
    name: 'keys create',
    describe: 'Create a key',
    options: {
      account: { type: 'string', describe: 'account id', required: true },
      rpm: { type: 'number', describe: 'requests per minute' },
      scopes: { type: 'list', describe: 'scopes' },
      public: { type: 'boolean', describe: 'public key' },
    },
    run: () => output,
  },
  { name: 'keys revoke', describe: 'Revoke', arguments: [{ name: 'id', describe: 'key id', required: true }], run: () => output },
]

const run = (argv: string[]) => {
  const parsed = parseCommandLine(argv, commands)
  if (parsed.kind !== 'run') throw new Error('expected a command')
  return parsed
}

describe('parseCommandLine', () => {
  test('the longest matching command name wins; options are typed', () => {
    const parsed = run(['keys', 'create', '--account', 'acct_1', '--rpm=60', '--scopes', 'inference, models:read,', '--public', '--json'])
    expect(parsed.command.name).toBe('keys create')
    expect(parsed.input.options).toEqual({ account: 'acct_1', rpm: 60, scopes: ['inference', 'models:read'], public: true })
    expect(parsed.json).toBe(true)
    expect(run(['keys', 'create', '--account', 'a', '--public=false']).input.options.public).toBe(false)
  })

  test('positional arguments by declared name', () => {
    const parsed = run(['keys', 'revoke', 'key_123'])
    expect(parsed.command.name).toBe('keys revoke')
    expect(parsed.input.arguments).toEqual({ id: 'key_123' })
    expect(parsed.json).toBe(false)
  })

  test('help: no arguments, --help or -h (with the command when one matches)', () => {
    expect(parseCommandLine([], commands)).toEqual({ kind: 'help', command: undefined })
    const help = parseCommandLine(['keys', 'create', '--help'], commands)
    expect(help.kind === 'help' && help.command?.name).toBe('keys create')
  })

  test('mistakes are errors naming the option or argument', () => {
    const failure = (argv: string[]) => {
      try {
        parseCommandLine(argv, commands)
      } catch (error) {
        return { message: (error as GatewayError).message, param: (error as GatewayError).param }
      }
      throw new Error('expected a usage error')
    }
    expect(failure(['nope'])).toEqual({ message: "Unknown command 'nope'", param: null })
    expect(failure(['keys', 'create'])).toEqual({ message: 'Missing option --account', param: 'account' })
    expect(failure(['keys', 'create', '--account'])).toEqual({ message: 'Option --account needs a value', param: 'account' })
    expect(failure(['keys', 'create', '--account', 'a', '--rpm', 'lots'])).toEqual({ message: "Option --rpm must be a number (got 'lots')", param: 'rpm' })
    expect(failure(['keys', 'create', '--account', 'a', '--colour', 'red'])).toEqual({ message: "Unknown option --colour for 'keys create'", param: 'colour' })
    expect(failure(['keys', 'revoke'])).toEqual({ message: 'Missing argument <id>', param: 'id' })
    expect(failure(['keys', 'revoke', 'a', 'b'])).toEqual({ message: "Unexpected argument 'b'", param: null })
  })
})
