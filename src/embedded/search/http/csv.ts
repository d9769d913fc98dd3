/**
 * CSV documents as Meilisearch reads them: a header row whose names may carry a type
 * (`price:number`, `available:boolean`, default string), RFC 4180 quoting, empty cells → null.
 */
import { MeiliError } from '../errors.js';

function splitRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new MeiliError('malformed_payload', 'The csv payload provided is malformed. `unterminated quoted field`.');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

type Column = { name: string; type: 'string' | 'number' | 'boolean' };

function column(header: string): Column {
  const match = /^(.*):(string|number|boolean)$/.exec(header);
  return match ? { name: match[1], type: match[2] as Column['type'] } : { name: header, type: 'string' };
}

function convert(value: string, col: Column, line: number): unknown {
  if (value === '') return null;
  if (col.type === 'string') return value;
  if (col.type === 'number') {
    const n = Number(value.trim());
    if (Number.isNaN(n)) throw new MeiliError('malformed_payload', `The csv payload provided is malformed. \`Error parsing number "${value}" at line ${line}\`.`);
    return n;
  }
  const b = value.trim().toLowerCase();
  if (b !== 'true' && b !== 'false') throw new MeiliError('malformed_payload', `The csv payload provided is malformed. \`Error parsing boolean "${value}" at line ${line}\`.`);
  return b === 'true';
}

export function parseCsv(text: string, delimiter: string): Record<string, unknown>[] {
  const [header, ...rows] = splitRows(text, delimiter);
  if (!header) return [];
  const columns = header.map(column);
  return rows.map((cells, i) => {
    const doc: Record<string, unknown> = {};
    columns.forEach((col, c) => {
      doc[col.name] = convert(cells[c] ?? '', col, i + 2);
    });
    return doc;
  });
}
