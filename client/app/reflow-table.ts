/**
 * Tables that reflow on a phone (issue 14: "the instructor's towns table is clipped on a
 * phone"). Below 40rem a `.reflow` table is drawn as one card per row, each cell labelled
 * with its column's heading (CSS reads `data-label`). CSS display changes can strip a table's
 * semantics in some browsers, so the roles are set explicitly: a screen reader still reads
 * rows, column headings and cells.
 */
export function reflowTable(table: HTMLTableElement): void {
  table.classList.add('reflow');
  table.setAttribute('role', 'table');
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map((c) => c.textContent?.trim() ?? '');
  for (const group of [table.tHead, ...table.tBodies]) group?.setAttribute('role', 'rowgroup');
  for (const cell of table.tHead?.rows[0]?.cells ?? []) cell.setAttribute('role', 'columnheader');
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      row.setAttribute('role', 'row');
      [...row.cells].forEach((cell, i) => {
        cell.dataset.label = heads[i] ?? '';
        cell.setAttribute('role', cell.tagName === 'TH' ? 'rowheader' : 'cell');
      });
    }
  }
  const headRow = table.tHead?.rows[0];
  headRow?.setAttribute('role', 'row');
}
