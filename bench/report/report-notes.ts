import { LEAK_HEAP_BYTES_PER_REQUEST, LEAK_RSS_BYTES_PER_REQUEST } from '../harness/goals'

/** How to read the figures; printed under every report. */
export const reportNotes = [
  'Processes: mock upstream, minimal proxy, Tollgate and the load generator each run in their own Bun process on 127.0.0.1; the orchestrator only samples /proc.',
  'server CPU/req: user + system CPU time of the server under test (all its threads, /proc/<pid>/stat) during the measured window ÷ completed requests; server cores: that CPU time ÷ wall time.',
  'Throughput goals count the lower of two ratios: req/s, and CPU per request (baseline ÷ Tollgate). On a 2-core machine the load generator and mock upstream share the CPUs with the server under test, which dilutes req/s differences; the CPU ratio is the req/s ratio a CPU-bound gateway would see.',
  'Peak RSS is VmHWM, reset at the start of each run (/proc/<pid>/clear_refs); "RSS, all open" is VmRSS the moment the last stream got its first byte.',
  'The load generator speaks HTTP/1.1 over raw keep-alive sockets (bench/load): exact connection counts, low client overhead. Latency = request written → last byte; TTFT = request written → first body byte.',
  'The mock upstream writes every stream event separately (one per stream per event-loop turn), like a provider emitting tokens; pacing (latency, interval) rides in the model name, e.g. `gpt-4o-mini~latency=20`.',
  'The proxy and the gateway run with BUN_CONFIG_MAX_HTTP_REQUESTS=65000 (Bun fetch defaults to 256 concurrent requests, which would queue thousands of streams).',
  `Leak check: a full GC runs in the server (Bun.gc(true) over IPC) before each sample; the trend is the least-squares slope after the warm-up batches; "no growth" means RSS ≤ ${LEAK_RSS_BYTES_PER_REQUEST} and JS heap ≤ ${LEAK_HEAP_BYTES_PER_REQUEST} B/request (a leaked request context would be kilobytes). --leak-requests 200000 sharpens it.`,
  'One-connection latency on a VM is dominated by process wake-ups (each hop adds two); the minimal proxy\'s own figure beside Tollgate\'s shows how much of the budget one hop takes on this machine.',
]
