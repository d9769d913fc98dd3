/**
 * Visit facts for other modules (attachments, practices, lessons): each answer already applies
 * the visit policy for the given actor, so callers cannot leak a draft by accident.
 */
import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { VisitModel } from './visit.model.js';
import { canEditVisit, canReadVisit } from './visit.policy.js';
import { accessFacts, toVisitRecord } from './visit.record.js';

export const VISITS_PATH = '/kunjungan';

export function visitPageUrl(id: string): string {
  return `${VISITS_PATH}/${id}`;
}

async function facts(id: string) {
  const doc = mongoose.isValidObjectId(id) ? await VisitModel.findById(id) : null;
  return doc ? accessFacts(toVisitRecord(doc)) : null;
}

export async function canReadVisitById(actor: ActingUser | null, id: string): Promise<boolean> {
  const found = await facts(id);
  return found !== null && canReadVisit(actor, found);
}

export async function canEditVisitById(actor: ActingUser | null, id: string): Promise<boolean> {
  const found = await facts(id);
  return found !== null && canEditVisit(actor, found);
}
