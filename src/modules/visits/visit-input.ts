/**
 * Validation of a visit write, with every problem of a form reported at once: the schema, the
 * dates against each other, and the database checks (agencies exist, topics are managed,
 * practices are visible, the actor's own agency takes part).
 */
import type { ActingUser } from '../../auth/acting-user.js';
import { ValidationError, type FieldErrors } from '../../http/errors.js';
import { collectInput } from '../agencies/schema-kit.js';
import { createPracticeInline } from '../practices/practice.service.js';
import { findPracticeSummaries } from '../practices/practice.queries.js';
import { assertTopicCodes } from '../topics/topic.service.js';
import { loadVisitAgencies } from './visit-agencies.js';
import { canCreateVisit } from './visit.policy.js';
import { newPracticesSchema, visitDatesSchema, visitInputSchema, type NewPractice, type VisitInput } from './visit.schemas.js';

/** What a stored visit already refers to: kept valid even if since retired or hidden. */
export interface StoredReferences {
  topics: string[];
  practiceIds: string[];
}

export interface CheckedVisitInput {
  input: VisitInput;
  newPractices: NewPractice[];
}

async function checkReferences(actor: ActingUser, input: VisitInput, stored: StoredReferences, errors: FieldErrors): Promise<void> {
  const delegationAgencyIds = input.delegation.map((p) => p.agencyId).filter((id): id is string => id !== null);
  const agencies = await loadVisitAgencies([...input.visitingAgencyIds, ...input.hostAgencyIds, ...delegationAgencyIds]);
  if (input.visitingAgencyIds.some((id) => !agencies.has(id))) errors.visitingAgencyIds ??= 'visits:errors.agency_unknown';
  if (input.hostAgencyIds.some((id) => !agencies.has(id))) errors.hostAgencyIds ??= 'visits:errors.agency_unknown';
  input.delegation.forEach((p, i) => {
    if (p.agencyId !== null && !agencies.has(p.agencyId)) errors[`delegation.${i}.agencyId`] ??= 'visits:errors.agency_unknown';
  });
  try {
    await assertTopicCodes(input.topics, 'topics', stored.topics);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(errors, error.details);
  }
  const newIds = input.practiceIds.filter((id) => !stored.practiceIds.includes(id));
  const visible = new Set((await findPracticeSummaries(actor, newIds)).map((p) => p.id));
  if (newIds.some((id) => !visible.has(id))) errors.practiceIds ??= 'visits:errors.practice_unknown';
  if (!canCreateVisit(actor, [...input.visitingAgencyIds, ...input.hostAgencyIds])) errors.visitingAgencyIds ??= 'visits:errors.own_agency_required';
}

export async function checkVisitInput(actor: ActingUser, raw: unknown, stored: StoredReferences): Promise<CheckedVisitInput> {
  const errors: FieldErrors = {};
  const input = collectInput(visitInputSchema, raw, errors);
  const extra = collectInput(newPracticesSchema, raw, errors);
  const dates = collectInput(visitDatesSchema, raw, {});
  if (dates && dates.endDate < dates.startDate) errors.endDate = 'visits:errors.end_before_start';
  if (input) await checkReferences(actor, input, stored, errors);
  if (!input || !extra || Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { input, newPractices: extra.newPractices };
}

/**
 * Adds the practices typed into the visit form to the catalogue (after the visit itself passed
 * validation) and returns their ids. A refusal is reported on that form row.
 */
export async function createNewPractices(actor: ActingUser, rows: NewPractice[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, row] of rows.entries()) {
    try {
      ids.push((await createPracticeInline(actor, row)).id);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const details = Object.fromEntries(Object.entries(error.details ?? {}).map(([field, key]) => [`newPractices.${index}.${field}`, key]));
      throw new ValidationError(details);
    }
  }
  return ids;
}
