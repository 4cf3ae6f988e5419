/**
 * `?verify=<scenario>,<seed>,<rounds>[,<towns>]`: run a match of computer towns with the shared
 * engine in this browser and expose the per-round state hashes on `window.clusterTownsHashes`
 * and in `<pre id="hashes">`, so the end-to-end test can compare them with Node's (DESIGN §2:
 * identical states in Node and every browser).
 */
import { botMatchHashes } from '../bot-match';

declare global {
  interface Window {
    clusterTownsHashes?: string[];
  }
}

export function runVerify(root: HTMLElement, spec: string): void {
  const [scenario, seed, rounds, towns] = spec.split(',');
  const { hashes } = botMatchHashes(
    scenario,
    Number(seed),
    Number(rounds),
    towns ? Number(towns) : undefined,
  );
  window.clusterTownsHashes = hashes;
  const pre = document.createElement('pre');
  pre.id = 'hashes';
  pre.textContent = hashes.join('\n');
  root.replaceChildren(pre);
}
