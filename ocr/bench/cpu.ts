import { readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system) of this process, its threads and every child it has waited for:
 * the native engine's Tesseract processes count, which process.cpuUsage() leaves out. Linux reads
 * /proc/self/stat (utime stime cutime cstime, in clock ticks of 1/100 s); elsewhere children are
 * not counted.
 */
export function cpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, so utime..cstime (14..17) are indices 11..14.
    return fields.slice(11, 15).reduce((s, v) => s + Number(v), 0) / 100;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
}
