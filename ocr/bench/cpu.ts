import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system) of this process, its threads, every child it has waited for and
 * every child still running: the native engine's Tesseract processes count, which
 * process.cpuUsage() leaves out, and so do the resident helpers, which live for the whole job and
 * so are never waited for while it runs. Linux reads /proc (utime stime cutime cstime, in clock
 * ticks of 1/100 s); elsewhere children are not counted.
 */
export function cpuSeconds(): number {
  try {
    // After "pid (comm) ": state is field 3, so utime..cstime (14..17) are indices 11..14.
    const own = statFields('/proc/self/stat').slice(11, 15);
    const live = liveChildren().flatMap((pid) => {
      try {
        return statFields(`/proc/${pid}/stat`).slice(11, 13);
      } catch {
        return []; // exited (and reaped: now in cutime) since the list was read
      }
    });
    return [...own, ...live].reduce((s, v) => s + Number(v), 0) / 100;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
}

function statFields(file: string): string[] {
  const stat = readFileSync(file, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Children of any of this process's threads that have not been reaped. */
function liveChildren(): string[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return readFileSync(`/proc/self/task/${tid}/children`, 'utf8').split(' ').filter(Boolean);
    } catch {
      return [];
    }
  });
}
