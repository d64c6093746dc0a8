import { readFileSync, writeFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ; Linux reports 100 on every mainstream architecture

/** CPU time (user + system, all threads) and memory of a process, from /proc. */
export interface ProcessSample {
  cpuMs: number
  rssBytes: number
  /** Peak RSS since start or since the last `resetPeakRss`. */
  peakRssBytes: number
}

function statusField(status: string, name: string): number {
  const match = status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))
  return match ? Number(match[1]) * 1024 : 0
}

/** Read /proc/<pid>/stat (utime + stime) and /proc/<pid>/status (VmRSS, VmHWM). */
export function sampleProcess(pid: number): ProcessSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, rssBytes: statusField(status, 'VmRSS'), peakRssBytes: statusField(status, 'VmHWM') }
}

/**
 * Restart the peak-RSS counter (VmHWM) so a scenario reports its own peak. Needs write access
 * to /proc/<pid>/clear_refs (own processes); returns false where the kernel refuses.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** The soft limit on open files of a process (Bun raises its own soft limit to the hard one). */
export function openFileLimit(pid: number): number {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8')
  const match = limits.match(/^Max open files\s+(\d+|unlimited)/m)
  return !match || match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1])
}

/** CPU time the whole machine spent busy (all CPUs; user, nice, system, irq, softirq, steal), from /proc/stat. */
export function sampleMachineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').slice(0, 200).split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  const [user, nice, system, , , irq, softirq, steal] = fields
  return ((user + nice + system + irq + softirq + (steal ?? 0)) * 1000) / TICKS_PER_SECOND
}
