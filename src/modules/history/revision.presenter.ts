import type { RevisionRecord } from './revision.service.js';

/** What views/history/revisions.ejs shows: values already flattened to readable text. */
export interface RevisionView {
  actionKey: string;
  actorName: string;
  at: Date;
  changes: { field: string; before: string; after: string }[];
}

/** One line per value: lists joined, sub-documents as "a — b — c", empty as "". */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(displayValue).filter(Boolean).join('; ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(displayValue).filter(Boolean).join(' — ');
  return String(value);
}

export function presentRevision(revision: RevisionRecord): RevisionView {
  return {
    actionKey: `history:actions.${revision.action}`,
    actorName: revision.actorName,
    at: revision.at,
    changes: revision.changes.map((c) => ({ field: c.field, before: displayValue(c.before), after: displayValue(c.after) })),
  };
}
