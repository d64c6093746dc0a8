/**
 * `bun bench/profile-gateway.ts [--scenario non-stream|stream|cross] [--duration S]`
 *
 * Load Tollgate with one scenario's requests while Bun's CPU profiler runs in the gateway
 * process, then write the profile (Chrome .cpuprofile and Bun's Markdown summary) to
 * bench/results/profiles/ and print the heaviest functions.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { isUnavailable, startBenchServers } from './harness/bench-servers'
import { measureClosedLoop } from './harness/measure-closed-loop'
import { stopAllChildren } from './harness/process-registry'
import { requestShapes, type RequestShape } from './harness/variants'
import { RESULTS_DIR } from './report/write-results'

const shapes: Record<string, RequestShape> = {
  'non-stream': requestShapes.openAIChat(false),
  stream: requestShapes.openAIChat(true),
  cross: requestShapes.anthropicMessages(true),
}
const { values } = parseArgs({ args: Bun.argv.slice(2), options: { scenario: { type: 'string', default: 'stream' }, duration: { type: 'string', default: '10' } } })
const shape = shapes[values.scenario!]
if (!shape) throw new Error(`--scenario must be one of ${Object.keys(shapes).join(', ')}`)
const directory = `${RESULTS_DIR}/profiles`
const name = `gateway-${values.scenario}`
rmSync(directory, { recursive: true, force: true })

try {
  const servers = await startBenchServers({ gatewayBunFlags: ['--cpu-prof', '--cpu-prof-md', `--cpu-prof-dir=${directory}`, `--cpu-prof-name=${name}`] })
  if (isUnavailable(servers.tollgate)) throw new Error(servers.tollgate.unavailable)
  const variant = { id: 'tollgate', label: 'Tollgate', server: 'tollgate' as const, requests: [shape] }
  const result = await measureClosedLoop(servers.tollgate, variant, { connections: 50, warmupMs: 1000, durationMs: Number(values.duration) * 1000, otherPids: [] })
  console.log(`${values.scenario}: ${Math.round(result.requestsPerSecond)} req/s, ${(result.serverCpuMsPerRequest * 1000).toFixed(1)} µs CPU/request, ${result.failures.count} failures`)
  await servers.stop()
  for (const file of readdirSync(directory)) console.log(`wrote ${directory}/${file}`)
  const markdown = readdirSync(directory).find((file) => file.endsWith('.md'))
  if (markdown) console.log(readFileSync(`${directory}/${markdown}`, 'utf8').split('\n').slice(0, 60).join('\n'))
  process.exit(0)
} catch (error) {
  console.error('profile failed:', error)
  stopAllChildren()
  process.exit(1)
}
