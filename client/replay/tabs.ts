/**
 * Accessible tabs (WAI-ARIA tabs pattern): one tab stop for the list, arrow keys, Home and End
 * move between tabs, and a tab is shown as soon as it gets focus.
 */
import { h, tx, txAttr } from '../app/dom';

export interface TabSpec {
  id: string;
  labelKey: string;
  panel: HTMLElement;
}

export interface Tabs {
  list: HTMLElement;
  panels: HTMLElement[];
  active(): string;
  select(id: string): void;
}

export function mountTabs(
  specs: readonly TabSpec[],
  labelKey: string,
  onSelect: (id: string) => void,
): Tabs {
  let current = specs[0].id;
  const tabs = specs.map((spec) =>
    tx('button', spec.labelKey, {
      type: 'button',
      role: 'tab',
      id: `replay-tab-${spec.id}`,
      'aria-controls': `replay-panel-${spec.id}`,
    }),
  );
  const panels = specs.map((spec) =>
    h(
      'div',
      {
        role: 'tabpanel',
        id: `replay-panel-${spec.id}`,
        'aria-labelledby': `replay-tab-${spec.id}`,
        class: 'replay-panel',
        tabindex: 0,
      },
      spec.panel,
    ),
  );
  const list = h('div', { role: 'tablist', class: 'replay-tabs' }, ...tabs);
  txAttr(list, 'aria-label', labelKey);

  function select(id: string): void {
    current = id;
    specs.forEach((spec, i) => {
      const on = spec.id === id;
      tabs[i].setAttribute('aria-selected', String(on));
      tabs[i].tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    });
    onSelect(id);
  }

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(specs[i].id));
    tab.addEventListener('keydown', (event) => {
      const last = specs.length - 1;
      const to =
        event.key === 'ArrowRight'
          ? (i + 1) % specs.length
          : event.key === 'ArrowLeft'
            ? (i + last) % specs.length
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? last
                : -1;
      if (to < 0) return;
      event.preventDefault();
      tabs[to].focus();
      select(specs[to].id);
    });
  });
  select(current);
  return { list, panels, active: () => current, select };
}
