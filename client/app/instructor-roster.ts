/**
 * Who is in the class: every town with its players and headline public figures, and the
 * students, whom the instructor can move to another town, give portfolios or remove.
 */
import { PORTFOLIOS, type Portfolio } from '../../shared/protocol/roles';
import { formatCount, formatMoney, formatNumber, t } from '../i18n';
import type { Session } from '../net/session-client';
import { confirmAction, h, rememberFocus, tx } from './dom';
import { panel, type Part, type Send } from './instructor-widgets';
import { reflowTable } from './reflow-table';

const TOWN_COLUMNS = [
  'town',
  'players',
  'online',
  'plan',
  'gdp',
  'jobs',
  'firms',
  'pollution',
  'score',
];
const NUMERIC = new Set(['online', 'gdp', 'jobs', 'firms', 'pollution', 'score']);

/** The live grid of towns: human or computer, who is online, who submitted, how each is doing. */
export function townGrid(session: Session): Part {
  const body = h('tbody', {});
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...TOWN_COLUMNS.map((c) =>
        tx('th', `instructor:towns.${c}`, { scope: 'col', class: NUMERIC.has(c) ? 'num' : null }),
      ),
    ),
  );
  const table = h('table', { class: 'data-table town-table', id: 'town-grid' }, head, body);
  const update = (): void => {
    const players = session.players();
    // Submissions only mean something while a round is being planned.
    const planning = session.phase === 'briefing' || session.phase === 'planning';
    body.replaceChildren(
      ...session.towns().map((town) => {
        const names = players.filter((p) => p.townId === town.id).map((p) => p.name);
        const who = town.human
          ? names.join(', ')
          : town.bot
            ? t('instructor:towns.bot', { strategy: t(`instructor:strategy.${town.bot}`) })
            : t('instructor:towns.empty');
        const plan =
          !town.human || !planning
            ? '—'
            : t(town.submitted ? 'instructor:towns.submitted' : 'instructor:towns.notSubmitted');
        const f = town.figures;
        const num = (text: string | null): HTMLElement => h('td', { class: 'num' }, text ?? '—');
        return h(
          'tr',
          { 'data-town': town.id, class: town.human ? 'town-human' : 'town-bot' },
          h('th', { scope: 'row' }, town.name),
          h('td', {}, who),
          num(town.human ? `${town.connected}/${town.members}` : null),
          h('td', { class: town.submitted ? 'plan-done' : 'plan-open' }, plan),
          num(f && formatMoney(f.gdp)),
          num(f && formatCount(f.jobs)),
          num(f && formatCount(f.firms)),
          num(f && formatNumber(f.pollution, { digits: 0 })),
          num(f && formatNumber(f.score, { digits: 1 })),
        );
      }),
    );
    reflowTable(table);
  };
  return {
    element: panel('towns', 'instructor:towns.title', h('div', { class: 'table-scroll' }, table)),
    update,
  };
}

/**
 * Students: move one to another town, hand out portfolios, remove one. Rebuilt only when the
 * roster changes, and focus is put back, so a patch never yanks a select from under the mouse.
 */
export function studentsPanel(session: Session, send: Send): Part {
  const body = h('tbody', {});
  const empty = tx('p', 'instructor:students.empty', { class: 'muted' });
  const table = h(
    'table',
    { class: 'data-table', id: 'student-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['name', 'town', 'roles', 'online', 'actions'].map((c) =>
          tx('th', `instructor:students.${c}`, { scope: 'col' }),
        ),
      ),
    ),
    body,
  );
  const element = panel(
    'students',
    'instructor:students.title',
    empty,
    h('div', { class: 'table-scroll' }, table),
  );
  let signature = '';
  const update = (): void => {
    const players = session.players().sort((a, b) => a.name.localeCompare(b.name));
    const towns = session.towns();
    const next = JSON.stringify([
      players,
      towns.map((town) => town.name),
      t('instructor:students.title'),
    ]);
    if (next === signature) return;
    signature = next;
    const focus = rememberFocus(table);
    empty.hidden = players.length > 0;
    table.hidden = players.length === 0;
    body.replaceChildren(
      ...players.map((player) => {
        const select = h(
          'select',
          {
            id: `move-${player.id}`,
            'aria-label': t('instructor:students.moveLabel', { name: player.name }),
          },
          ...towns.map((town) =>
            h('option', { value: town.id, selected: town.id === player.townId }, town.name),
          ),
        );
        select.addEventListener('change', () => {
          const town = towns.find((x) => x.id === select.value);
          void confirmAction({
            title: t('instructor:confirm.moveTitle', { name: player.name, town: town?.name ?? '' }),
            body: t('instructor:confirm.moveBody'),
            confirm: t('instructor:students.move'),
          }).then((ok) => {
            if (ok) send('instructor:moveStudent', { playerId: player.id, townId: select.value });
            else select.value = player.townId;
          });
        });
        const roles = h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            id: `roles-${player.id}`,
            'aria-label': t('instructor:students.rolesLabel', { name: player.name }),
          },
          t('instructor:students.editRoles'),
        );
        roles.addEventListener('click', () =>
          editRoles(player.name, player.portfolios, (portfolios) =>
            send('instructor:assignRoles', { playerId: player.id, portfolios }),
          ),
        );
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small btn-danger',
            id: `remove-${player.id}`,
            'aria-label': t('instructor:students.removeLabel', { name: player.name }),
          },
          t('instructor:students.remove'),
        );
        remove.addEventListener('click', () => {
          void confirmAction({
            title: t('instructor:confirm.removeTitle', { name: player.name }),
            body: t('instructor:confirm.removeBody'),
            confirm: t('instructor:students.remove'),
            danger: true,
          }).then((ok) => ok && send('instructor:removeStudent', { playerId: player.id }));
        });
        return h(
          'tr',
          { 'data-player': player.id },
          h('th', { scope: 'row' }, player.name),
          h('td', {}, select),
          h('td', {}, h('span', { class: 'roles' }, rolesText(player.portfolios)), ' ', roles),
          h(
            'td',
            { class: player.connected ? 'online' : 'offline' },
            t(player.connected ? 'instructor:students.on' : 'instructor:students.off'),
          ),
          h('td', {}, remove),
        );
      }),
    );
    reflowTable(table);
    if (focus) document.getElementById(focus)?.focus({ preventScroll: true });
  };
  return { element, update };
}

/** A student's portfolios in short: a lone student holds all five. */
function rolesText(portfolios: readonly Portfolio[]): string {
  if (portfolios.length === PORTFOLIOS.length) return t('instructor:students.allRoles');
  return portfolios.map((p) => t(`instructor:portfolioShort.${p}`)).join(', ') || '—';
}

/** Choose a student's portfolios; taking one from a teammate is the server's rule. */
function editRoles(
  name: string,
  current: readonly Portfolio[],
  save: (portfolios: Portfolio[]) => void,
): void {
  const boxes = PORTFOLIOS.map((p) =>
    h('input', { type: 'checkbox', id: `role-${p}`, value: p, checked: current.includes(p) }),
  );
  const cancel = tx('button', 'app:dialog.cancel', { type: 'button', class: 'btn' });
  const ok = tx('button', 'instructor:roles.save', { type: 'submit', class: 'btn btn-primary' });
  const form = h(
    'form',
    { method: 'dialog' },
    h(
      'fieldset',
      {},
      h('legend', {}, t('instructor:roles.title', { name })),
      ...PORTFOLIOS.map((p, i) =>
        h(
          'div',
          { class: 'check' },
          boxes[i],
          h('label', { for: boxes[i].id }, t(`instructor:portfolio.${p}`)),
        ),
      ),
    ),
    tx('p', 'instructor:roles.hint', { class: 'field-hint' }),
    h('div', { class: 'app-dialog-actions' }, cancel, ok),
  );
  const dialog = h('dialog', { class: 'app-dialog' }, form);
  const finish = (): void => {
    dialog.close();
    dialog.remove();
  };
  cancel.addEventListener('click', finish);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(PORTFOLIOS.filter((_, i) => boxes[i].checked));
    finish();
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  boxes[0].focus();
}
