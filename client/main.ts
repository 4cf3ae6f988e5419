/**
 * Start page until the Phaser client lands (issue 4): lists the scenarios and can run a match of
 * computer towns in the browser with the shared engine. `?verify=<scenario>,<seed>,<rounds>,<towns>`
 * exposes the per-round state hashes on `window.clusterTownsHashes` so the end-to-end test can
 * compare them with Node's (DESIGN §2: identical states in Node and every browser).
 */
import { SCENARIOS, type MatchState } from '../shared';
import { botMatchHashes } from './bot-match';

declare global {
  interface Window {
    clusterTownsHashes?: string[];
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(target: HTMLElement, state: MatchState): void {
  const table = el('table');
  const head = el('tr');
  for (const h of [
    'Town',
    'GDP (M RMB)',
    'Firms',
    'Foreign plants',
    'Pollution',
    'Stability',
    'Score',
  ])
    head.append(el('th', h));
  table.append(head);
  for (const t of state.towns) {
    const row = el('tr');
    const cells = [
      t.name,
      t.last.gdp.toFixed(0),
      String(t.last.firms),
      String(t.last.fdiStock),
      ((t.airPollution + t.waterPollution) / 2).toFixed(0),
      t.stability.toFixed(0),
      t.score.toFixed(0),
    ];
    for (const c of cells) row.append(el('td', c));
    table.append(row);
  }
  target.replaceChildren(el('h3', `${state.year}: after ${state.round} rounds`), table);
}

function main(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const params = new URLSearchParams(location.search);
  const verify = params.get('verify');
  if (verify) {
    const [scenario, seed, rounds, towns] = verify.split(',');
    const { hashes } = botMatchHashes(
      scenario,
      Number(seed),
      Number(rounds),
      towns ? Number(towns) : undefined,
    );
    window.clusterTownsHashes = hashes;
    const pre = el('pre', hashes.join('\n'));
    pre.id = 'hashes';
    app.append(pre);
    return;
  }
  const status = document.getElementById('status');
  if (status)
    status.textContent =
      'The town and map scenes are under construction. You can already watch computer towns play a scenario:';
  const list = el('ul');
  const output = el('section');
  output.setAttribute('aria-live', 'polite');
  for (const s of SCENARIOS) {
    const item = el('li');
    const button = el('button', `Watch ${s.title}`);
    button.type = 'button';
    button.addEventListener('click', () => renderResult(output, botMatchHashes(s.id, 1, 10).state));
    item.append(button, el('p', s.summary));
    list.append(item);
  }
  app.append(list, output);
}

main();
