/**
 * Checks of what a lesson points at: the visit it came from and the practices it names must exist
 * and be visible to whoever records it (seeds, with no actor, need them to exist only).
 */
import mongoose from 'mongoose';
import type { ActingUser } from '../../auth/acting-user.js';
import type { FieldErrors } from '../../http/errors.js';
import { PracticeModel } from '../practices/practice.model.js';
import { findPracticeSummaries } from '../practices/practice.queries.js';
import { findVisitForLesson, type VisitChoice } from '../practices/visit-links.js';

/** Returns the linked visit (null when none or unknown). */
export async function checkLessonLinks(
  actor: ActingUser | null,
  links: { visitId: string | null; practiceIds: string[] },
  errors: FieldErrors,
): Promise<VisitChoice | null> {
  const visit = links.visitId ? await findVisitForLesson(actor, links.visitId) : null;
  if (links.visitId && !visit) errors.visitId = 'lessons:errors.visit_unknown';
  if (links.practiceIds.length === 0) return visit;
  const found = actor
    ? (await findPracticeSummaries(actor, links.practiceIds)).length
    : await PracticeModel.countDocuments({ _id: { $in: links.practiceIds.map((id) => new mongoose.Types.ObjectId(id)) }, deletedAt: null });
  if (found !== links.practiceIds.length) errors.practiceIds = 'lessons:errors.practices_invalid';
  return visit;
}
