/**
 * The knowledge seed's idempotent upsert of visits. Trusted callers only: there is no acting user
 * to check, so the input is validated as an admin would be (every agency, every practice).
 */
import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import { bodyObject } from '../agencies/schema-kit.js';
import { parseCalendarDate } from './visit.schemas.js';
import { VisitModel } from './visit.model.js';
import type { VisitRecord } from './visit.record.js';
import { saveVisitAs } from './visit.service.js';

/** Validates seed input with every right; writes are still attributed to `createdBy` (or nobody). */
const SEED_ACTOR: ActingUser = { id: '000000000000000000000000', agencyId: '', role: 'admin', name: '', email: '' };

/** Matches on first visiting agency + first host agency + start date; creates or updates that visit. */
export async function provisionVisit(raw: unknown, createdBy: ActingUser | null): Promise<{ visit: VisitRecord; created: boolean }> {
  const body = bodyObject(raw);
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const visiting = first(body.visitingAgencyIds);
  const host = first(body.hostAgencyIds);
  const startDate = typeof body.startDate === 'string' ? parseCalendarDate(body.startDate) : null;
  const key = [visiting, host].every((id) => typeof id === 'string' && mongoose.isValidObjectId(id)) && startDate
    ? { 'visitingAgencyIds.0': visiting, 'hostAgencyIds.0': host, startDate }
    : null;
  const existing = key ? await VisitModel.findOne(key) : null;
  const visit = await saveVisitAs(createdBy ?? SEED_ACTOR, createdBy, existing ?? new VisitModel(), raw);
  return { visit, created: existing === null };
}
