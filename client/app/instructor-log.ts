/**
 * "What happened": the room's news feed (events, cards, announcements, statements, results)
 * merged with the answers to the instructor's own controls, newest first. Entries keep how to
 * word themselves, so a language switch rewords the whole log.
 */
import type { NewsItem } from '../../shared/protocol/messages';
import { currentLanguage, hasTranslation, t } from '../i18n';
import type { Session } from '../net/session-client';
import { h } from './dom';
import { eventTitle } from './instructor-controls';
import { panel, type Part } from './instructor-widgets';

interface LogEntry {
  at: number;
  tone: 'news' | 'ok' | 'error';
  text: () => string;
}

const SHOWN = 150;

export function controlName(type: string): string {
  const name = type.replace(/^instructor:/, '');
  const key = `instructor:controlName.${name}`;
  return hasTranslation(key, 'en') ? t(key) : name;
}

export function newsText(item: NewsItem): string {
  const title = eventTitle(item.eventId, item.text);
  switch (item.kind) {
    case 'event':
      return t('instructor:news.event', { title });
    case 'card':
      return t('instructor:news.card', { title });
    case 'announcement':
      return t('instructor:news.announcement', { text: item.text });
    case 'statement':
      return t('instructor:news.statement', { author: item.author ?? '', text: item.text });
    case 'round':
      return t('instructor:news.round', { round: item.round });
    default:
      return item.text;
  }
}

export function activityLog(session: Session): Part {
  const list = h('ol', {
    class: 'log-list',
    id: 'log',
    'aria-live': 'polite',
    'aria-relevant': 'additions',
  });
  const entries: LogEntry[] = [];
  const seen = new Set<string>();
  const render = (): void => {
    const clock = new Intl.DateTimeFormat(currentLanguage() === 'zh' ? 'zh-CN' : 'en-GB', {
      timeStyle: 'medium',
    });
    list.replaceChildren(
      ...[...entries]
        .sort((a, b) => b.at - a.at)
        .slice(0, SHOWN)
        .map((e) =>
          h('li', { class: `log-${e.tone}` }, h('time', {}, clock.format(e.at)), ' ', e.text()),
        ),
    );
  };
  const add = (tone: LogEntry['tone'], text: () => string): void => {
    entries.push({ at: Date.now(), tone, text });
    render();
  };
  const offAck = session.on('ack', (ack) =>
    add('ok', () => t('instructor:log.ack', { control: controlName(ack.type) })),
  );
  const offError = session.on('error', (problem) =>
    add('error', () =>
      t('instructor:log.error', {
        control: controlName(problem.type),
        problem: problem.text,
        reason: problem.reason,
      }),
    ),
  );
  const collectNews = (): void => {
    let added = false;
    for (const item of session.news()) {
      const id = `${item.at}|${item.kind}|${item.text}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const { round, year } = item;
      entries.push({
        at: item.at,
        tone: 'news',
        text: () => t('instructor:log.news', { round, year, text: newsText(item) }),
      });
      added = true;
    }
    if (added) render();
  };
  return {
    element: panel('log-panel', 'instructor:log.title', list),
    update: collectNews,
    relabel: render,
    destroy() {
      offAck();
      offError();
    },
  };
}
