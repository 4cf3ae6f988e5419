/**
 * The passage of the papers each lesson cites (every quote occurs verbatim in its paper; checked
 * by tests/citations through tests/citations/all-citations.ts).
 */
import type { Citation } from '../data/citation';
import type { LessonRule } from './types';

export const LESSON_CITATIONS: Record<LessonRule, Citation> = {
  hollowedOut: {
    paper: '001',
    section: '¶20',
    quote:
      'in a few years many ceramic tiles firms had to close and many other decided to move in different places',
  },
  emptyBox: {
    paper: '002',
    section: '§2.2.2',
    quote: 'only 175 foreign-funded enterprises from 5 development',
  },
  overbuilt: {
    paper: '003',
    section: '§3.3',
    quote: 'Its over-sized airport exhausted its initial capital and became a drag',
  },
  exportShock: {
    paper: '003',
    section: '§6.2',
    quote:
      '50,000 out of 1 million industrial enterprises in Guangdong Province had collapsed, and its 30',
  },
  raceToTheBottom: {
    paper: '003',
    section: '§6',
    quote: 'actually competing with other towns in the same province or other provinces',
  },
  firstMover: {
    paper: '003',
    section: '§3.1',
    quote:
      'roughly 10 percent from 1980 to 1984, Shenzhen grew at a phenomenal 58 percent annual rate,',
  },
};
