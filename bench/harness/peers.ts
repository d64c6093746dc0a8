import type { BenchOptions } from './bench-options'

/** Peer gateways (Portkey via npm @portkey-ai/gateway) are not wired in yet. */
export function describePeers(options: BenchOptions): string {
  return options.peers ? 'peer skipped: Portkey (@portkey-ai/gateway) is not wired into the bench yet.' : 'peer skipped (run with --peers to compare with Portkey once it is wired in).'
}
