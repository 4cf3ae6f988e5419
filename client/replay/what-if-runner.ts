/**
 * Run a what-if job in a Web Worker (what-if-worker.ts) so the page stays responsive; where
 * workers are not available, or one fails to start, the job runs on the page instead.
 */
import { runJob, type Comparison, type Job, type Outcome } from './what-if-compute';

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./what-if-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export function runInBackground(job: Job): Promise<Outcome<Comparison>> {
  const worker = startWorker();
  if (!worker) return Promise.resolve(runJob(job));
  return new Promise((resolve) => {
    const done = (outcome: Outcome<Comparison>): void => {
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener('message', (event: MessageEvent<Outcome<Comparison>>) =>
      done(event.data),
    );
    // A worker that cannot load its module: do the job here rather than not at all.
    worker.addEventListener('error', () => done(runJob(job)));
    worker.postMessage(job);
  });
}
