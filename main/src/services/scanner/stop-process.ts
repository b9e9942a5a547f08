import type { ChildProcess } from 'node:child_process';

/**
 * Stops a scanning program (scanimage, NAPS2's console) and waits until it has exited: SIGTERM
 * first (scanimage then asks the driver to cancel, which lets the scanner eject the sheet),
 * SIGKILL if it is still there after `graceMs` (a driver stuck in a read ignores the first
 * signal). Resolves with how it ended.
 */
export async function stopScanProcess(
  child: ChildProcess,
  exited: Promise<number>,
  graceMs: number,
): Promise<'exited' | 'SIGTERM' | 'SIGKILL'> {
  const gone = exited.then(
    () => true,
    () => true,
  );
  if (child.exitCode !== null || child.signalCode !== null) return (await gone, 'exited');
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  const stoppedInTime = await Promise.race([gone, late]);
  clearTimeout(timer);
  if (stoppedInTime) return 'SIGTERM';
  child.kill('SIGKILL');
  await gone;
  return 'SIGKILL';
}
