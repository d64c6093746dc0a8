import type { ClosedLoopScenario, Scenario } from '../harness/scenarios'
import type { VariantSummary } from '../harness/summarize-scenario'
import { formatAddedMs, formatCount, formatKb, formatMb, formatMicroseconds, formatMs, formatPercent, markdownTable } from './format'

const labelOf = (summaries: VariantSummary[], id: string | undefined) => summaries.find((summary) => summary.id === id)?.label ?? id ?? ''

function failedRow(summary: VariantSummary, columns: number): string[] {
  return [summary.label, `**failed**: ${summary.failed!.split('\n')[0].slice(0, 160)}`, ...Array(columns - 2).fill('')]
}

function failureNote(summary: VariantSummary): string {
  return summary.failedRequests > 0 ? ` ⚠ ${summary.failedRequests} failed requests` : ''
}

function closedLoopComparison(summary: VariantSummary, summaries: VariantSummary[], compare: ClosedLoopScenario['compare']): string {
  if (!summary.baseline) return 'baseline'
  const versus = labelOf(summaries, summary.baseline)
  if (compare === 'latency') {
    const firstByte = summary.addedFirstByteP50Ms !== undefined ? `, TTFT ${formatAddedMs(summary.addedFirstByteP50Ms)}` : ''
    return `p50 ${formatAddedMs(summary.addedP50Ms)}${firstByte} vs ${versus}`
  }
  if (compare === 'same-cost') {
    const cpu = summary.capacityRatio === undefined ? '–' : `×${(1 / summary.capacityRatio).toFixed(2)}`
    return `${formatPercent(summary.throughputRatio)} req/s, CPU/req ${cpu}, p50 ${formatAddedMs(summary.addedP50Ms)} vs ${versus}`
  }
  if (compare === 'upstream-bound') return `${formatPercent(summary.throughputRatio)} req/s, p99 ×${summary.p99Ratio?.toFixed(3) ?? '–'} vs ${versus}`
  return `${formatPercent(summary.throughputRatio)} req/s (${formatPercent(summary.capacityRatio)} by CPU), p99 ×${summary.p99Ratio?.toFixed(2) ?? '–'} vs ${versus}`
}

function closedLoopTable(summaries: VariantSummary[], compare: ClosedLoopScenario['compare']): string {
  const header = ['Variant', 'req/s', 'p50', 'p99', 'TTFT p50', 'TTFT p99', 'server CPU/req', 'server cores', 'peak RSS', 'compared']
  const rows = summaries.map((summary) =>
    summary.failed
      ? failedRow(summary, header.length)
      : [
          summary.label,
          formatCount(summary.requestsPerSecond),
          formatMs(summary.p50Ms),
          formatMs(summary.p99Ms),
          formatMs(summary.firstByteP50Ms),
          formatMs(summary.firstByteP99Ms),
          formatMicroseconds(summary.serverCpuMsPerRequest),
          summary.serverCores?.toFixed(2) ?? '–',
          formatMb(summary.peakRssBytes),
          closedLoopComparison(summary, summaries, compare) + failureNote(summary),
        ],
  )
  return markdownTable(header, rows)
}

function openStreamsTable(summaries: VariantSummary[]): string {
  const header = ['Variant', 'streams open', 'idle RSS', 'RSS, all open', 'peak RSS', 'per stream', 'RSS at 10k', 'compared']
  const rows = summaries.map((summary) =>
    summary.failed
      ? failedRow(summary, header.length)
      : [
          summary.label,
          formatCount(summary.openStreams),
          formatMb(summary.idleRssBytes),
          formatMb(summary.openRssBytes),
          formatMb(summary.peakRssBytes),
          formatKb(summary.bytesPerStream),
          `${formatMb(summary.rssAtTargetBytes)}${summary.rssAtTargetExtrapolated ? ' (extrapolated)' : ''}`,
          (summary.baseline ? `RSS ×${summary.rssRatio?.toFixed(2) ?? '–'} vs ${labelOf(summaries, summary.baseline)}` : 'baseline') + failureNote(summary),
        ],
  )
  return markdownTable(header, rows)
}

function leakTable(summaries: VariantSummary[]): string {
  const header = ['Variant', 'requests', 'RSS start → end', 'heap start → end', 'RSS trend', 'heap trend', 'RSS after each batch (MB)']
  const rows = summaries.map((summary) => {
    if (summary.failed) return failedRow(summary, header.length)
    const points = summary.leakPoints ?? []
    const first = points[0]
    const last = points[points.length - 1]
    return [
      summary.label,
      formatCount(last?.requests),
      `${formatMb(first?.rssBytes)} → ${formatMb(last?.rssBytes)}`,
      `${formatMb(first?.heapBytes)} → ${formatMb(last?.heapBytes)}`,
      `${summary.rssBytesPerRequest?.toFixed(1) ?? '–'} B/request`,
      `${summary.heapBytesPerRequest?.toFixed(1) ?? '–'} B/request`,
      points.map((point) => (point.rssBytes / 1e6).toFixed(0)).join(' ') + failureNote(summary),
    ]
  })
  return markdownTable(header, rows)
}

/** The table for one scenario, in the shape its kind calls for. */
export function renderScenarioTable(scenario: Scenario, summaries: VariantSummary[]): string {
  if (scenario.kind === 'closed-loop') return closedLoopTable(summaries, scenario.compare)
  if (scenario.kind === 'open-streams') return openStreamsTable(summaries)
  if (scenario.kind === 'leak') return leakTable(summaries)
  return `_${scenario.reason}_`
}
