/** Number formatting for the report tables; '–' stands for "no figure". */
const missing = '–'

export const formatCount = (value: number | undefined) => (value === undefined ? missing : Math.round(value).toLocaleString('en-US'))
export const formatMs = (value: number | undefined) => (value === undefined ? missing : value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`)
export const formatAddedMs = (value: number | undefined) => (value === undefined ? missing : `${value >= 0 ? '+' : '−'}${formatMs(Math.abs(value))}`)
export const formatMb = (bytes: number | undefined) => (bytes === undefined ? missing : `${(bytes / 1e6).toFixed(1)} MB`)
export const formatKb = (bytes: number | undefined) => (bytes === undefined ? missing : `${(bytes / 1e3).toFixed(1)} kB`)
export const formatPercent = (ratio: number | undefined) => (ratio === undefined ? missing : `${(ratio * 100).toFixed(1)}%`)
export const formatMicroseconds = (ms: number | undefined) => (ms === undefined ? missing : `${(ms * 1000).toFixed(1)} µs`)
export const formatVerdict = (met: boolean | undefined) => (met === undefined ? '– not judged' : met ? '✅ met' : '❌ not met')

/** A Markdown table; cells must not contain newlines or pipes. */
export function markdownTable(header: string[], rows: string[][]): string {
  const clean = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(clean).join(' | ')} |`)].join('\n')
}
