/** Page helpers shared by the practice and lesson pages. */
import { isAdmin, type ActingUser } from '../../auth/acting-user.js';
import type { FieldErrors } from '../../http/errors.js';
import { agencyShortNames } from '../agencies/agency.lookup.js';
import { topicNames } from '../topics/topic.service.js';
import { KNOWLEDGE_STATUSES } from './practice.model.js';

/** Lookups a practice or lesson presenter needs beyond the record (all already filtered for the reader). */
export interface KnowledgeLabels {
  agencyNames: Map<string, string>;
  topicNames: Map<string, string>;
}

/** Short names of the records' agencies, and topic names in the reader's language. */
export async function knowledgeLabels(agencyIds: string[], lang: string): Promise<KnowledgeLabels> {
  const [agencyNames, names] = await Promise.all([agencyShortNames(agencyIds), topicNames(lang)]);
  return { agencyNames, topicNames: names };
}

/** Years of the year filter: 2015 … next year, newest first. */
export function yearOptions(): string[] {
  const last = new Date().getUTCFullYear() + 1;
  return Array.from({ length: last - 2014 }, (_, i) => String(last - i));
}

/** Status filter choices; only admins can list deleted records. */
export function statusFilterOptions(actor: ActingUser): string[] {
  return isAdmin(actor) ? [...KNOWLEDGE_STATUSES, 'deleted'] : [...KNOWLEDGE_STATUSES];
}

/**
 * Errors of list items ("evidence.2.date", "topics.0") are shown on the list's one input;
 * fields the form names with a dot ("contact.email") keep their full name.
 */
export function formFieldErrors(details: FieldErrors, dottedFields: readonly string[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, key] of Object.entries(details)) {
    const name = dottedFields.includes(field) ? field : (field.split('.')[0] ?? field);
    errors[name] ??= key;
  }
  return errors;
}
