import type { RevisionRecord } from './revision.service.js';
import { displayValue, type ValueReaders } from './revision-values.js';

/** What views/history/revisions.ejs shows: values already flattened to readable text. */
export interface RevisionView {
  actionKey: string;
  actorName: string;
  at: Date;
  changes: { field: string; before: string; after: string }[];
}

/** The revision with each value read by its field's reader (revision-values.ts), the others as plain text. */
export function presentRevision(revision: RevisionRecord, readers: ValueReaders = {}): RevisionView {
  const read = (field: string, value: unknown): string => (value === null ? '' : (readers[field]?.(value) ?? displayValue(value)));
  return {
    actionKey: `history:actions.${revision.action}`,
    actorName: revision.actorName,
    at: revision.at,
    changes: revision.changes.map((c) => ({ field: c.field, before: read(c.field, c.before), after: read(c.field, c.after) })),
  };
}
