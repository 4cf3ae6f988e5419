/**
 * A DOM tooltip over the canvas: crisp text at any zoom, selectable, readable by screen
 * readers (role="tooltip", and the same text goes to a polite live region).
 */
export interface TooltipLine {
  label: string;
  value?: string;
}

export class Tooltip {
  private readonly box: HTMLDivElement;
  private readonly live: HTMLDivElement;

  constructor(private readonly host: HTMLElement) {
    this.box = document.createElement('div');
    this.box.className = 'ct-scene-tooltip';
    this.box.setAttribute('role', 'tooltip');
    Object.assign(this.box.style, {
      position: 'absolute',
      pointerEvents: 'none',
      zIndex: '5',
      maxWidth: '280px',
      padding: '8px 10px',
      borderRadius: '6px',
      background: 'rgba(28, 32, 38, 0.92)',
      color: '#f4f2ee',
      font: '13px/1.35 system-ui, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      boxShadow: '0 2px 8px rgba(0,0,0,0.3)',
      display: 'none',
    } satisfies Partial<CSSStyleDeclaration>);
    this.live = document.createElement('div');
    this.live.setAttribute('aria-live', 'polite');
    Object.assign(this.live.style, {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
    } satisfies Partial<CSSStyleDeclaration>);
    host.append(this.box, this.live);
  }

  show(title: string, lines: TooltipLine[], x: number, y: number): void {
    const heading = document.createElement('strong');
    heading.textContent = title;
    heading.style.display = 'block';
    heading.style.marginBottom = '3px';
    const list = document.createElement('div');
    for (const l of lines) {
      const row = document.createElement('div');
      row.textContent = l.value === undefined ? l.label : `${l.label}: ${l.value}`;
      list.append(row);
    }
    this.box.replaceChildren(heading, list);
    this.box.style.display = 'block';
    const hostW = this.host.clientWidth;
    const hostH = this.host.clientHeight;
    const w = this.box.offsetWidth;
    const h = this.box.offsetHeight;
    // keep the box inside the view, flipping to the other side of the pointer near an edge
    const left = x + 14 + w > hostW ? Math.max(4, x - 14 - w) : x + 14;
    const top = y + 14 + h > hostH ? Math.max(4, y - 14 - h) : y + 14;
    this.box.style.left = `${left}px`;
    this.box.style.top = `${top}px`;
    const text = [
      title,
      ...lines.map((l) => (l.value === undefined ? l.label : `${l.label}: ${l.value}`)),
    ].join('. ');
    if (this.live.textContent !== text) this.live.textContent = text;
  }

  hide(): void {
    this.box.style.display = 'none';
  }

  destroy(): void {
    this.box.remove();
    this.live.remove();
  }
}
