// CPU time read from Linux's /proc, for the bench's figures (the processes and threads it measures are its own).
import { readFileSync } from 'node:fs';

/**
 * User plus system CPU time, in ms, from a `stat` file of /proc: a process's (`/proc/<pid>/stat`) or the calling
 * thread's (`/proc/thread-self/stat`). Clock ticks are 10 ms on Linux. Fields are counted after the command name,
 * which is in parentheses and may itself hold spaces.
 */
export function cpuMsFromStat(path: string): number {
  const text = readFileSync(path, 'utf8');
  const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
