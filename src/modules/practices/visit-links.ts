/**
 * Visits as practices and lessons see them, read from the visit model with the visit module's
 * visibility rule (published to every signed-in user; drafts to the agencies involved).
 * The visit stores the link to the practices shown (its practiceIds); a lesson stores its visitId.
 */
import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { agencyShortNames } from '../agencies/agency.lookup.js';
import { VisitModel } from '../visits/visit.model.js';
import { visibleVisitsFilter } from '../visits/visit.policy.js';

export interface VisitChoice {
  id: string;
  startDate: Date;
  /** "Diskominfo Kota Solok → Diskominfo Kota Padang Panjang". */
  label: string;
}

/** The visit module's own visibility rule; a trusted caller without an actor (the seed) sees every live visit. */
function visibleVisits(actor: ActingUser | null): Record<string, unknown> {
  return actor === null ? { deletedAt: null } : visibleVisitsFilter(actor);
}

type VisitRow = { _id: unknown; startDate: Date; visitingAgencyIds: unknown[]; hostAgencyIds: unknown[] };

async function choices(rows: VisitRow[]): Promise<VisitChoice[]> {
  const names = await agencyShortNames(rows.flatMap((r) => [...r.visitingAgencyIds, ...r.hostAgencyIds].map(String)));
  const join = (ids: unknown[]) => ids.map((id) => names.get(String(id)) ?? '').filter(Boolean).join(', ');
  return rows.map((r) => ({ id: String(r._id), startDate: r.startDate, label: `${join(r.visitingAgencyIds)} → ${join(r.hostAgencyIds)}` }));
}

const FIELDS = { startDate: 1, visitingAgencyIds: 1, hostAgencyIds: 1 } as const;

export async function findVisitForLesson(actor: ActingUser | null, visitId: string): Promise<VisitChoice | null> {
  if (!mongoose.isValidObjectId(visitId)) return null;
  const row = await VisitModel.findOne({ $and: [{ _id: { $eq: visitId } }, visibleVisits(actor)] }, FIELDS).lean();
  return row ? ((await choices([row]))[0] ?? null) : null;
}

/** For the lesson form's visit select: the newest visible visits. */
export async function visitChoicesForLesson(actor: ActingUser): Promise<VisitChoice[]> {
  const rows = await VisitModel.find(visibleVisits(actor), FIELDS).sort({ startDate: -1 }).limit(300).lean();
  return choices(rows);
}

/** Visits where this practice was shown, newest first. */
export async function visitsShowingPractice(actor: ActingUser, practiceId: string): Promise<VisitChoice[]> {
  if (!mongoose.isValidObjectId(practiceId)) return [];
  const rows = await VisitModel.find({ $and: [{ practiceIds: { $eq: practiceId } }, visibleVisits(actor)] }, FIELDS).sort({ startDate: -1 }).lean();
  return choices(rows);
}
