/** Column alignment: left for words, right for numbers. */
export type Align = 'left' | 'right';

/** Lays out rows as plain-text columns separated by two spaces, each line indented by `indent`. */
export function textTable(
  rows: readonly (readonly string[])[],
  align: readonly Align[],
  indent = '  ',
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
          return align[i] === 'right' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
  );
}
