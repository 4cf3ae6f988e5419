/**
 * How one chapter reads (issue 15): its title, rounds with years, towns, the finding, the lesson
 * with its citation (`001` ¶20 and the quoted passage) and the discussion question. Shared by the
 * Chapters tab and the card a presented chapter shows above the scene.
 */
import type { MatchState } from '../../shared';
import { cite } from '../../shared/data/citation';
import { currentLanguage, t } from '../i18n';
import { h } from '../app/dom';
import { townName } from '../panel/labels';
import { shownChapter, type WorkingChapter } from './chapters-model';

export function chapterTitle(chapter: WorkingChapter): string {
  return chapter.title ?? t(`chapters:rule.${chapter.detected?.rule ?? 'custom'}`);
}

export function chapterMeta(
  chapter: WorkingChapter,
  start: MatchState,
  yearOf: (round: number) => number,
): string {
  const vars = {
    from: chapter.fromRound,
    to: chapter.toRound,
    fromYear: yearOf(chapter.fromRound),
    toYear: yearOf(chapter.toRound),
  };
  const rounds = t(
    chapter.fromRound === chapter.toRound ? 'chapters:round' : 'chapters:rounds',
    vars,
  );
  const towns = t('chapters:towns', {
    towns: chapter.towns.map((id) => townName(start, id)).join(', '),
  });
  return `${rounds} · ${towns}`;
}

/** The body of a chapter: finding, lesson with citation, question (each only when there is one). */
export function chapterBody(chapter: WorkingChapter): HTMLElement[] {
  const shown = shownChapter(chapter, currentLanguage());
  const out: HTMLElement[] = [
    h(
      'p',
      { class: 'chapter-finding' },
      h('strong', {}, t('chapters:finding')),
      ' ',
      shown.finding,
    ),
  ];
  if (shown.lesson && shown.citation) {
    out.push(
      h(
        'p',
        { class: 'chapter-lesson' },
        h('strong', {}, t('chapters:lesson')),
        ' ',
        shown.lesson,
        ' ',
        h('cite', {}, cite(shown.citation)),
        ': ',
        h('q', { lang: 'en' }, shown.citation.quote),
      ),
    );
  }
  if (shown.question) {
    out.push(
      h(
        'p',
        { class: 'chapter-question' },
        h('strong', {}, t('chapters:question')),
        ' ',
        shown.question,
      ),
    );
  }
  return out;
}

export interface ChapterCard {
  element: HTMLElement;
  show(chapter: WorkingChapter | null): void;
  relabel(): void;
}

/** The presented chapter above the scene (hidden when none is presented). */
export function mountChapterCard(
  start: MatchState,
  yearOf: (round: number) => number,
): ChapterCard {
  const element = h('section', {
    class: 'chapter-card',
    id: 'replay-chapter-card',
    'aria-labelledby': 'replay-chapter-card-title',
    hidden: true,
  });
  let shown: WorkingChapter | null = null;
  function draw(chapter: WorkingChapter | null): void {
    shown = chapter;
    element.hidden = !chapter;
    if (!chapter) {
      delete element.dataset.chapter;
      element.replaceChildren();
      return;
    }
    element.dataset.chapter = chapter.id;
    element.replaceChildren(
      h('p', { class: 'chapter-card-kicker' }, t('chapters:card')),
      h('h2', { id: 'replay-chapter-card-title' }, chapterTitle(chapter)),
      h('p', { class: 'chapter-meta' }, chapterMeta(chapter, start, yearOf)),
      ...chapterBody(chapter),
    );
  }
  return {
    element,
    // Called on every frame the viewer draws: redraw only when the chapter changes.
    show: (chapter) => {
      if (chapter !== shown) draw(chapter);
    },
    relabel: () => draw(shown),
  };
}
