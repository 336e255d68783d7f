/** What the bench reads of processes from /proc (CPU time of ended children, a process group's memory), and a quiet disk for timed builds. */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/**
 * The CPU time of this process's ended children, and of theirs (each process waits for its own), from
 * /proc/self/stat: a build's CPU, to compare with its wall time on this machine's cores. Linux's clock
 * tick is 1/100 s.
 */
export function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  // After the command's closing parenthesis, from the state (field 3): cutime and cstime are fields 16, 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100
}

/**
 * The resident set size of every process in a process group, in KB, read from /proc: spawning `ps` ten
 * times a second would itself take CPU from the build it measures.
 */
export function groupResidentKB(group: number): number {
  let total = 0
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      // After the command's closing parenthesis: state, parent, group, ...
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== group) continue
      total += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total
}

/**
 * Writes back to the disk what earlier steps left unwritten (`sync`), untimed, before a timed build. Data
 * still waiting to be written when a build starts slows the build's own writes, and the kernel counts
 * that as the build's system time: one 1,000-post build took 2.8 s of system time after a `sync`, and
 * 7 to 14 s right after the last build's 10,000 files had been removed, its user time the same.
 */
export function quietDisk(): void {
  execFileSync('sync')
}
