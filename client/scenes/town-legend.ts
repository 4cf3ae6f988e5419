/**
 * The town scene's legend: a disclosure in the corner of the scene naming what the picture
 * shows in the current view (construction sites, centres, schools, markers, the smog) with how
 * many of each stand on the map. A DOM element, so it is crisp, translatable and keyboard- and
 * screen-reader-accessible (a native <details>).
 */
import { formatCount, t } from '../i18n';
import type { StructureKind, ViewSummary } from './layout-types';

/** Kinds the legend names, in reading order; the legend key of each. */
const ITEMS: { kind: StructureKind | 'upgraded'; key: string }[] = [
  { kind: 'construction', key: 'construction' },
  { kind: 'innovation', key: 'innovation' },
  { kind: 'vocational', key: 'vocational' },
  { kind: 'university', key: 'university' },
  { kind: 'inspection', key: 'inspection' },
  { kind: 'market', key: 'market' },
  { kind: 'park', key: 'park' },
  { kind: 'port', key: 'port' },
  { kind: 'wastewater', key: 'wastewater' },
  { kind: 'substation', key: 'substation' },
  { kind: 'housing', key: 'housing' },
  { kind: 'upgraded', key: 'upgraded' },
  { kind: 'patent', key: 'patent' },
  { kind: 'skills', key: 'skills' },
];

export class TownLegend {
  private readonly root: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor(host: HTMLElement) {
    this.root = document.createElement('details');
    this.root.className = 'ct-scene-legend';
    Object.assign(this.root.style, {
      position: 'absolute',
      left: '8px',
      bottom: '8px',
      zIndex: '4',
      maxWidth: 'min(320px, calc(100% - 16px))',
      maxHeight: 'calc(100% - 16px)',
      overflow: 'auto',
      padding: '6px 10px',
      borderRadius: '8px',
      background: 'rgba(28, 32, 38, 0.88)',
      color: '#f4f2ee',
      font: '13px/1.4 system-ui, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      boxShadow: '0 2px 8px rgba(0,0,0,0.3)',
    } satisfies Partial<CSSStyleDeclaration>);
    this.summary = document.createElement('summary');
    this.summary.style.cursor = 'pointer';
    this.summary.style.fontWeight = '600';
    this.list = document.createElement('ul');
    Object.assign(this.list.style, { margin: '4px 0 0', padding: '0 0 0 16px' });
    this.root.append(this.summary, this.list);
    // keys pressed in the legend must not pan the camera behind it
    this.root.addEventListener('keydown', (e) => e.stopPropagation());
    host.append(this.root);
  }

  /** Fill the legend for a view; returns the counts it lists (also published for tests). */
  update(view: ViewSummary, air: number): Record<string, number> {
    this.summary.textContent = t('scene:legend.open');
    this.root.setAttribute('aria-label', t('scene:legend.title'));
    const counts: Record<string, number> = {};
    const items: HTMLLIElement[] = [];
    for (const { kind, key } of ITEMS) {
      const n = kind === 'upgraded' ? view.upgraded : (view.byKind[kind]?.active ?? 0);
      counts[kind] = n;
      if (n === 0) continue;
      const li = document.createElement('li');
      li.dataset.kind = kind;
      li.textContent = `${t(`scene:legend.${key}`)} · ${t('scene:legend.count', { n: formatCount(n) })}`;
      items.push(li);
    }
    const sky = document.createElement('li');
    sky.dataset.kind = 'sky';
    sky.textContent = t('scene:legend.sky', { air: formatCount(Math.round(air)) });
    items.push(sky);
    this.list.replaceChildren(...items);
    return counts;
  }

  destroy(): void {
    this.root.remove();
  }
}
