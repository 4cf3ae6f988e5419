/**
 * The controls only the instructor holds (docs/protocol.md, `instructor:<control>`): pacing,
 * switches, event cards and announcements. Each panel mirrors the server's state on `update`;
 * the ones that cannot be undone (advance, end, an event card) ask first.
 */
import { EVENTS } from '../../shared/data/events';
import { ANNOUNCEMENT_MAX_LENGTH } from '../../shared/protocol/messages';
import { hasTranslation, t } from '../i18n';
import type { Session } from '../net/session-client';
import { confirmAction, h, setText, tx } from './dom';
import { panel, toggle, type Part, type Send } from './instructor-widgets';

type ControlName = 'start' | 'pause' | 'resume' | 'extend' | 'advance' | 'end';

const BUTTONS: Record<ControlName, string> = {
  start: 'btn btn-primary',
  pause: 'btn',
  resume: 'btn btn-primary',
  extend: 'btn',
  advance: 'btn',
  end: 'btn btn-danger',
};

export function eventTitle(eventId: string | undefined, fallback: string): string {
  const key = `common:event.${eventId}.title`;
  return eventId && hasTranslation(key, 'en') ? t(key) : fallback;
}

export function pacingPanel(session: Session, send: Send): Part {
  const button = (name: ControlName): HTMLButtonElement =>
    tx('button', `instructor:controls.${name}`, {
      type: 'button',
      class: BUTTONS[name],
      id: `control-${name}`,
    });
  const b = {
    start: button('start'),
    pause: button('pause'),
    resume: button('resume'),
    extend: button('extend'),
    advance: button('advance'),
    end: button('end'),
  };
  b.start.addEventListener('click', () => send('instructor:start', {}));
  b.pause.addEventListener('click', () => send('instructor:pause', {}));
  b.resume.addEventListener('click', () => send('instructor:resume', {}));
  b.extend.addEventListener('click', () => {
    const s = session.state;
    if (s.paused ? s.remainingMs > 0 : s.deadline > 0) {
      send('instructor:extend', { seconds: 60 });
      return;
    }
    // No timer runs: "+60 s" would start a deadline the class never had, so ask first.
    void confirmAction({
      title: t('instructor:confirm.extendTitle'),
      body: t('instructor:confirm.extendBody', { seconds: 60 }),
      confirm: t('instructor:controls.extend'),
    }).then((ok) => ok && send('instructor:extend', { seconds: 60, startDeadline: true }));
  });
  b.advance.addEventListener('click', () => {
    // The confirmation acts on the phase and round on screen when it opened; if the session
    // has moved on by the time it is confirmed, the server refuses it (issue 11).
    const phase = session.phase;
    if (phase !== 'briefing' && phase !== 'planning' && phase !== 'results') return;
    const asked = { phase, round: Number(session.state.round) };
    void confirmAction({
      title: t('instructor:confirm.advanceTitle'),
      body: t('instructor:confirm.advanceBody'),
      confirm: t('instructor:controls.advance'),
    }).then((ok) => ok && send('instructor:advance', { phase: asked.phase, round: asked.round }));
  });
  b.end.addEventListener('click', () => {
    void confirmAction({
      title: t('instructor:confirm.endTitle'),
      body: t('instructor:confirm.endBody'),
      confirm: t('instructor:controls.end'),
      danger: true,
    }).then((ok) => ok && send('instructor:end', {}));
  });
  const open = toggle('switch-open', 'instructor:controls.joining', (on) =>
    send('instructor:lock', { locked: !on }),
  );
  const diplomacy = toggle('switch-diplomacy', 'instructor:controls.diplomacy', (on) =>
    send('instructor:setDiplomacy', { enabled: on }),
  );
  const caretaker = toggle('switch-caretaker', 'instructor:controls.caretaker', (on) =>
    send('instructor:setCaretaker', { enabled: on }),
  );
  // A control the server refused (the session moved on before "Advance now" was confirmed, a
  // timer that is not running) is explained next to the buttons, not only in the activity log.
  const notice = h('p', { class: 'control-notice', id: 'control-notice', role: 'alert' });
  notice.hidden = true;
  const offError = session.on('error', (problem) => {
    if (!problem.type.startsWith('instructor:')) return;
    notice.textContent = `${problem.text} ${problem.reason}`;
    notice.hidden = false;
  });
  const offAck = session.on('ack', () => (notice.hidden = true));
  const element = panel(
    'controls',
    'instructor:controls.title',
    h('div', { class: 'control-row' }, b.start, b.pause, b.resume, b.extend, b.advance),
    notice,
    h('div', { class: 'control-row switches' }, open.element, diplomacy.element, caretaker.element),
    h('div', { class: 'control-row' }, b.end),
  );
  return {
    element,
    destroy() {
      offError();
      offAck();
    },
    update() {
      const s = session.state;
      const phase = session.phase;
      const live = phase !== 'waiting' && phase !== 'ended';
      // Offer only what the server would accept now (the server checks again).
      b.start.hidden = phase !== 'waiting';
      b.pause.hidden = s.paused || !live;
      b.pause.disabled = phase === 'resolution';
      b.resume.hidden = !s.paused;
      b.extend.disabled = !live || phase === 'resolution';
      b.advance.disabled = !['briefing', 'planning', 'results'].includes(phase);
      b.end.disabled = phase === 'ended';
      open.set(!s.locked);
      diplomacy.set(Boolean(s.diplomacy));
      caretaker.set(Boolean(s.caretaker));
    },
  };
}

/** Any event of shared/data/events.ts, played as a card: it applies when the round resolves. */
export function cardPanel(send: Send): Part {
  const select = h('select', { id: 'card-select' });
  const text = h('p', { class: 'card-text', id: 'card-text' });
  const fire = tx('button', 'instructor:cards.fire', {
    type: 'button',
    class: 'btn',
    id: 'card-fire',
  });
  const describe = (): void => {
    const event = EVENTS.find((e) => e.id === select.value);
    const key = `common:event.${event?.id}.text`;
    text.textContent = event ? (hasTranslation(key, 'en') ? t(key) : event.text) : '';
  };
  const update = (): void => {
    const chosen = select.value;
    select.replaceChildren(
      ...EVENTS.map((e) =>
        h(
          'option',
          { value: e.id, selected: e.id === chosen },
          `${eventTitle(e.id, e.title)} (${e.year})`,
        ),
      ),
    );
    describe();
  };
  select.addEventListener('change', describe);
  fire.addEventListener('click', () => {
    const eventId = select.value;
    void confirmAction({
      title: t('instructor:confirm.cardTitle', { title: eventTitle(eventId, eventId) }),
      body: t('instructor:confirm.cardBody'),
      confirm: t('instructor:cards.fire'),
    }).then((ok) => ok && send('instructor:fireEvent', { eventId }));
  });
  update();
  const label = tx('label', 'instructor:cards.label', { for: select.id });
  const element = panel(
    'cards',
    'instructor:cards.title',
    h('div', { class: 'field' }, label, select),
    text,
    fire,
  );
  return { element, update };
}

export function announcePanel(send: Send): Part {
  const text = h('textarea', { id: 'announce-text', rows: 3, maxlength: ANNOUNCEMENT_MAX_LENGTH });
  const count = h('span', { class: 'field-hint', id: 'announce-count' });
  text.setAttribute('aria-describedby', count.id);
  const submit = tx('button', 'instructor:announce.send', {
    type: 'submit',
    class: 'btn btn-primary',
    id: 'announce-send',
  });
  const label = tx('label', 'instructor:announce.label', { for: text.id });
  const form = h('form', {}, h('div', { class: 'field' }, label, text, count), submit);
  const update = (): void =>
    setText(
      count,
      t('instructor:announce.left', { count: ANNOUNCEMENT_MAX_LENGTH - text.value.length }),
    );
  text.addEventListener('input', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (send('instructor:announce', { text: text.value })) {
      text.value = '';
      update();
    }
  });
  update();
  return { element: panel('announce', 'instructor:announce.title', form), update };
}
