/**
 * `bun bench/profile-gateway.ts [--scenario non-stream|stream|cross] [--gateway tollgate|tollgate-bare|tollgate-pg|tollgate-100k|tollgate-10-keys] [--without billing,…] [--duration S]`
 *
 * Load one Tollgate gateway (default: the full pipeline on SQLite, with the bench account's key;
 * `--without` leaves platform plugins out, to see what each one costs)
 * with one scenario's requests while Bun's CPU profiler runs in the gateway process, then write
 * the profile (Chrome .cpuprofile and Bun's Markdown summary) to bench/results/profiles/ and
 * print the heaviest functions, CPU by package, and the core/plugin functions under most samples.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { GATEWAY_SETUPS, isUnavailable, startBenchServers, type BenchServers, type GatewayRole } from './harness/bench-servers'
import { measureClosedLoop } from './harness/measure-closed-loop'
import { stopAllChildren } from './harness/process-registry'
import { requestShapes, type RequestShape } from './harness/variants'
import { summarizeCpuProfile } from './report/summarize-cpu-profile'
import { RESULTS_DIR } from './report/write-results'

const shapes: Record<string, RequestShape> = {
  'non-stream': requestShapes.openAIChat(false),
  stream: requestShapes.openAIChat(true),
  cross: requestShapes.anthropicMessages(true),
}
const { values } = parseArgs({
  args: Bun.argv.slice(2),
  options: { scenario: { type: 'string', default: 'stream' }, gateway: { type: 'string', default: 'tollgate' }, without: { type: 'string', default: '' }, duration: { type: 'string', default: '10' } },
})
const shape = shapes[values.scenario!]
if (!shape) throw new Error(`--scenario must be one of ${Object.keys(shapes).join(', ')}`)
const role = values.gateway as GatewayRole
if (!(role in GATEWAY_SETUPS)) throw new Error(`--gateway must be one of ${Object.keys(GATEWAY_SETUPS).join(', ')}`)
const directory = `${RESULTS_DIR}/profiles`
const withoutPlugins = values.without!.split(',').filter(Boolean)
const name = `${role}-${values.scenario}${withoutPlugins.length ? `-without-${withoutPlugins.join('-')}` : ''}`
rmSync(directory, { recursive: true, force: true })

let servers: BenchServers | undefined
try {
  servers = await startBenchServers({ roles: [role], bunFlags: { [role]: ['--cpu-prof', '--cpu-prof-md', `--cpu-prof-dir=${directory}`, `--cpu-prof-name=${name}`] }, withoutPlugins, log: console.log })
  const gateway = servers.get(role)
  if (isUnavailable(gateway)) throw new Error(gateway.unavailable)
  const variant = { id: role, label: GATEWAY_SETUPS[role].name, server: role, requests: [shape] }
  const result = await measureClosedLoop(gateway, variant, { connections: 50, warmupMs: 1000, durationMs: Number(values.duration) * 1000, otherPids: [] })
  console.log(`${GATEWAY_SETUPS[role].name}${withoutPlugins.length ? ` without ${withoutPlugins.join(', ')}` : ''}, ${values.scenario}: ${Math.round(result.requestsPerSecond)} req/s, ${(result.serverCpuMsPerRequest * 1000).toFixed(1)} µs CPU/request, ${result.failures.count} failures${result.failures.samples[0] ? ` (${result.failures.samples[0]})` : ''}`)
  await servers.stop()
  for (const file of readdirSync(directory)) console.log(`wrote ${directory}/${file}`)
  const markdown = readdirSync(directory).find((file) => file.endsWith('.md'))
  if (markdown) console.log(readFileSync(`${directory}/${markdown}`, 'utf8').split('\n').slice(0, 40).join('\n'))
  const cpuProfile = readdirSync(directory).find((file) => file.endsWith('.cpuprofile'))
  if (cpuProfile) console.log(`\n${summarizeCpuProfile(JSON.parse(readFileSync(`${directory}/${cpuProfile}`, 'utf8')))}`)
  process.exit(0)
} catch (error) {
  console.error('profile failed:', error)
  await servers?.stop().catch(() => {})
  stopAllChildren()
  process.exit(1)
}
