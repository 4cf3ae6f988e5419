/**
 * The what-if tab's engine off the page's thread: a what-if on a 40-town, 30-round log takes
 * seconds (BENCHMARKS.md), which would freeze scrolling and typing. One job per message.
 */
import { runJob, type Job } from './what-if-compute';

// The client is typed against the DOM library; a worker's scope posts without a target origin.
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Job>) => void): void;
};

scope.addEventListener('message', (event) => {
  try {
    scope.postMessage(runJob(event.data));
  } catch (error) {
    scope.postMessage({ ok: false, messages: [(error as Error).message] });
  }
});
