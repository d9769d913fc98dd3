/**
 * How the history reads a field's stored value. Revisions keep what was written: practices and
 * lessons their ids, codes and calendar days ("6b0a…", "uji_coba", "2021-03-01", true); visits the
 * names at the time. Read here with the page's words, a practice's history says "Diskominfo Kota
 * Padang Panjang", "Uji coba", "Senin, 1 Maret 2021", "Ya, digital", also for revisions stored
 * before this reading existed.
 */
import type { RevisionRecord } from './revision.service.js';

/** Readable text for one stored value; undefined leaves it to the plain reading (displayValue). */
export type ValueReader = (value: unknown) => string | undefined;
export type ValueReaders = Readonly<Partial<Record<string, ValueReader>>>;

/** What a page gives the history to read with: its language, translations and date formats (res.locals). */
export interface HistoryWords {
  lang: string;
  t: (key: string, options?: { defaultValue?: string }) => string;
  formatDate: (value: string) => string;
  formatDateTime: (value: string) => string;
}

/** One line per value: lists joined, sub-documents as "a — b — c", empty as "". */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(displayValue).filter(Boolean).join('; ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(displayValue).filter(Boolean).join(' — ');
  return String(value);
}

/** Each value of a list (or the one value) read by `one`, joined as displayValue joins a list. */
function eachOf(one: (item: unknown) => string): ValueReader {
  return (value) => (Array.isArray(value) ? value.map(one).filter(Boolean).join('; ') : one(value));
}

/** Ids or codes by their names; one the names lack reads `unknown` (a record the reader may not see), else as stored. */
export function byName(names: ReadonlyMap<string, string>, unknown?: string): ValueReader {
  return eachOf((item) => (typeof item === 'string' ? (names.get(item) ?? unknown ?? item) : displayValue(item)));
}

/** A code by its label, the translation `prefix.code` (practices:stages.uji_coba → "Uji coba"). */
export function byLabel(words: HistoryWords, prefix: string): ValueReader {
  return (value) => (typeof value === 'string' ? words.t(`${prefix}.${value}`, { defaultValue: value }) : undefined);
}

/** A calendar day as the pages write it. */
export function asDay(words: HistoryWords): ValueReader {
  return (value) => (typeof value === 'string' ? words.formatDate(value) : undefined);
}

/** The moment a record was deleted, and whether it is: every kind of record has these. */
export function lifecycleReaders(words: HistoryWords, statusPrefix: string): ValueReaders {
  return {
    status: byLabel(words, statusPrefix),
    deletedAt: (value) => (typeof value === 'string' ? words.formatDateTime(value) : undefined),
  };
}

/** The string values a history holds in these fields, once each: the ids whose names to load. */
export function valuesIn(revisions: readonly RevisionRecord[], fields: readonly string[]): string[] {
  const values = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') values.add(value);
    else if (Array.isArray(value)) value.forEach(add);
  };
  for (const revision of revisions) {
    for (const change of revision.changes) {
      if (!fields.includes(change.field)) continue;
      add(change.before);
      add(change.after);
    }
  }
  return [...values];
}
