/** The history table as a page renders it (views/history/revisions.ejs), read back by a test. */

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The before and after cells of the first history row of a field, by its Indonesian label; null when no row has it. */
export function historyRow(page: string, label: string): [before: string, after: string] | null {
  const row = new RegExp(`<td data-label="Kolom">${escaped(label)}</td>\\s*<td data-label="Sebelumnya">([^<]*)</td>\\s*<td data-label="Sesudahnya">([^<]*)</td>`).exec(page);
  return row ? [row[1], row[2]] : null;
}
