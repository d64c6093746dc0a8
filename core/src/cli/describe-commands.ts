import type { PluginCommand } from './plugin-command'

/** `bun run tollgate --help`: every command; with a command, its arguments and options. */
export function describeCommands(commands: PluginCommand[], command?: PluginCommand): string {
  if (!command) {
    const width = Math.max(...commands.map((candidate) => candidate.name.length))
    return [
      'Usage: bun run tollgate <command> [options] [--json]',
      '',
      'Commands:',
      ...commands.map((candidate) => `  ${candidate.name.padEnd(width)}  ${candidate.describe}`),
      '',
      'Add --help after a command for its options. --json prints machine-readable output.',
    ].join('\n')
  }
  const argumentsLine = (command.arguments ?? []).map((argument) => (argument.required ? `<${argument.name}>` : `[${argument.name}]`)).join(' ')
  const lines = [`Usage: bun run tollgate ${command.name}${argumentsLine ? ` ${argumentsLine}` : ''} [options] [--json]`, '', command.describe]
  for (const argument of command.arguments ?? []) lines.push(`  <${argument.name}>  ${argument.describe}`)
  const options = Object.entries(command.options ?? {})
  if (options.length) lines.push('', 'Options:')
  for (const [name, option] of options) {
    const value = option.type === 'boolean' ? '' : option.type === 'list' ? ' <a,b,...>' : ` <${option.type}>`
    lines.push(`  --${name}${value}  ${option.describe}${option.required ? ' (required)' : ''}`)
  }
  return lines.join('\n')
}
