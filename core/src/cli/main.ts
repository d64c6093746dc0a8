/** `bun run tollgate <command>`: the operator's CLI (see run-cli.ts). Also runs on Deno and Node. */
import { runtimeEnvironment } from '../config/runtime-environment'
import { loadConfig } from '../runtime/load-config'
import { runCli } from './run-cli'

const config = await loadConfig(runtimeEnvironment())
const code = await runCli(process.argv.slice(2), config, {
  stdout: (text) => console.log(text),
  stderr: (text) => console.error(text),
})
process.exit(code)
