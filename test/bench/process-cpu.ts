/**
 * CPU time of the benchmark's child processes by role (app processes, search engine, MongoDB
 * engine), read from /proc: where a route's CPU goes. Linux only; elsewhere `cpuByRole` gives null.
 */
import fs from 'node:fs';

/** Clock ticks per second of the times in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessCpu {
  pid: number;
  ppid: number;
  ms: number;
  command: string;
}

function readProcess(pid: number): ProcessCpu | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may hold spaces; the fields after it are fixed:
    // state, ppid, … utime (14th field of the line), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return { pid, ppid: Number(fields[1]), ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND, command };
  } catch {
    return null; // ended meanwhile
  }
}

/**
 * CPU milliseconds used so far by this process's descendants, summed per role: a process takes the
 * first role whose pattern matches its command line, else its parent's role.
 */
export function cpuByRole(roles: Record<string, RegExp>): Record<string, number> | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const children = new Map<number, ProcessCpu[]>();
  for (const name of fs.readdirSync('/proc')) {
    const info = /^\d+$/.test(name) ? readProcess(Number(name)) : null;
    if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  }
  const totals: Record<string, number> = Object.fromEntries(Object.keys(roles).map((role) => [role, 0]));
  const visit = (pid: number, inherited: string | null): void => {
    for (const child of children.get(pid) ?? []) {
      const role = Object.keys(roles).find((r) => roles[r].test(child.command)) ?? inherited;
      if (role) totals[role] += child.ms;
      visit(child.pid, role);
    }
  };
  visit(process.pid, null);
  return totals;
}
