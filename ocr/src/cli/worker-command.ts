import { InputError } from '../types';
import type { CliIo } from './ocr-command';
import type { WorkerCommand } from './worker-args';

/**
 * `hoso worker`: one line per event on stderr (a service's log, not a progress bar). The first
 * Ctrl-C/SIGTERM finishes the pages in hand, a second drops them. Exit 0 when stopped, 2 for a bad
 * URL, 3 when Redis cannot be reached at start.
 */
export async function runWorkerCommand(cmd: WorkerCommand, io: CliIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const { parseRedisUrl, startQueueWorker } = await import('../queue');
  let target;
  try {
    target = parseRedisUrl(cmd.redis, process.env, { caFile: cmd.redisCa });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(`error: ${error.message}`);
    return 2;
  }
  const log = cmd.quiet ? () => undefined : say;
  const worker = startQueueWorker({
    redis: target,
    jobs: cmd.jobs,
    engine: { engine: cmd.engine, model: cmd.model },
    name: cmd.name,
    lockMs: cmd.lockSeconds * 1000,
    stalledMs: (cmd.lockSeconds * 1000) / 2,
    onEvent: (e) => {
      if (e.type === 'ready')
        log(`hoso worker ${e.name}: waiting for pages on ${target.display} (${cmd.jobs} at once)`);
      else if (e.type === 'page-started')
        log(`page started: ${e.file}, page ${e.page} (job ${e.run.slice(0, 8)}, #${e.index + 1})`);
      else if (e.type === 'page-done')
        log(`page done: #${e.index + 1} of job ${e.run.slice(0, 8)} in ${(e.ms / 1000).toFixed(1)} s`);
      else if (e.type === 'page-failed')
        say(`page failed: #${e.index + 1} of job ${e.run.slice(0, 8)}: ${e.message}`);
      else say(`redis ${target.display}: ${e.message}`);
    },
  });
  let stops = 0;
  const onSignal = () => {
    stops++;
    if (stops === 1) say('Stopping: finishing the pages in hand (Ctrl-C again to hand them back now).');
    void worker.stop(stops > 1);
  };
  io.interrupts.on('SIGINT', onSignal);
  io.interrupts.on('SIGTERM', onSignal);
  try {
    await worker.done;
    log('hoso worker stopped.');
    return 0;
  } catch (error) {
    say(`error: cannot serve ${target.display}: ${error instanceof Error ? error.message : String(error)}`);
    return 3;
  } finally {
    io.interrupts.off('SIGINT', onSignal);
    io.interrupts.off('SIGTERM', onSignal);
  }
}
