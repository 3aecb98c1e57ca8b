import { escapeHtml as esc } from './escape';

/** A column of a sortable table: its header and how to sort it. */
export interface Column<Row> {
  readonly header: string;
  readonly type: 'text' | 'number';
  /** The cell as text (escaped here). */
  readonly text: (row: Row) => string;
  /** The value to sort by, for number columns. */
  readonly value?: (row: Row) => number;
  readonly className?: string;
}

/** A right-aligned column of numbers: shown as `text`, sorted by `value` (a missing value sorts first). */
export function numberColumn<Row>(
  header: string,
  text: (row: Row) => string,
  value: (row: Row) => number | null,
  className = 'num',
): Column<Row> {
  return { header, type: 'number', text, value: (row) => value(row) ?? -1, className };
}

/**
 * A table whose headers are buttons that sort it (see `SORT_SCRIPT`). Rows are rendered here, escaped;
 * no data goes into the script, so nothing in a complaint can become code.
 */
export function sortableTable<Row>(
  id: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): string {
  const head = columns
    .map(
      (c) =>
        `<th scope="col" data-type="${c.type}"${c.className ? ` class="${c.className}"` : ''}><button type="button">${esc(c.header)}<span class="arrow" aria-hidden="true"></span></button></th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns
          .map((c) => {
            const value = c.value ? ` data-value="${c.value(row)}"` : '';
            return `<td${value}${c.className ? ` class="${c.className}"` : ''}>${esc(c.text(row))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="sortable" id="${esc(id)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * Sorts a `sortable` table when a header is clicked: ascending first, descending on the second click;
 * numbers by `data-value`, text by locale; ties keep their order. Inline and allowed by the report's
 * Content-Security-Policy through its hash.
 */
export const SORT_SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, column) => {
    th.querySelector('button').addEventListener('click', () => {
      const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
      const numeric = th.dataset.type === 'number';
      const sign = direction === 'ascending' ? 1 : -1;
      const body = table.tBodies[0];
      const rows = Array.from(body.rows).map((row, index) => ({ row, index }));
      const key = (row) => numeric ? Number(row.cells[column].dataset.value) : row.cells[column].textContent;
      rows.sort((a, b) => {
        const x = key(a.row);
        const y = key(b.row);
        const order = numeric ? x - y : x.localeCompare(y);
        return order * sign || a.index - b.index;
      });
      body.append(...rows.map((r) => r.row));
    });
  });
}
`;
