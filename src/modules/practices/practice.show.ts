import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { ACCEPT_ATTRIBUTE } from '../attachments/file-kinds.js';
import { attachmentLimitsOf } from '../attachments/attachment-upload.js';
import { presentAttachment } from '../attachments/attachment.presenter.js';
import { listAttachmentsOf } from '../attachments/attachment.service.js';
import { canRestore } from '../history/soft-delete.js';
import { listLessonsByPractice } from '../lessons/lesson.queries.js';
import { practiceLabels, PRACTICES_PATH } from './practice.pages.js';
import { practiceHistory } from './practice-history.js';
import { presentPractice } from './practice.presenter.js';
import { findPracticeSummaries, listAdoptionsOf } from './practice.queries.js';
import { canEditPractice, getPractice } from './practice.service.js';
import { visitsShowingPractice } from './visit-links.js';

/** GET /praktik/:id — the practice with its lineage, evidence timeline, visits, lessons, files and history. */
export const showPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const practice = await getPractice(actor, String(req.params.id));
  const [labels, adoptedFrom, adoptions, visits, lessons, revisions, attachments] = await Promise.all([
    practiceLabels([practice], res.locals.lang),
    practice.adoptedFromId ? findPracticeSummaries(actor, [practice.adoptedFromId]) : Promise.resolve([]),
    listAdoptionsOf(actor, practice.id),
    visitsShowingPractice(actor, practice.id),
    listLessonsByPractice(actor, practice.id),
    practiceHistory(actor, practice.id, res.locals),
    listAttachmentsOf({ type: 'practice', id: practice.id }),
  ]);
  const limits = attachmentLimitsOf(req);
  const canEdit = canEditPractice(actor, practice);
  res.render('practices/show', {
    practice: presentPractice(practice, labels),
    adoptedFrom: adoptedFrom[0] ?? null,
    adoptions,
    visits,
    lessons,
    revisions,
    attachments: attachments.map((a) => presentAttachment(a, res.locals.lang)),
    canEdit,
    canRestore: canRestore(actor) && practice.deletedAt !== null,
    basePath: `${PRACTICES_PATH}/${practice.id}`,
    uploadAction: `${PRACTICES_PATH}/${practice.id}/lampiran`,
    accept: ACCEPT_ATTRIBUTE,
    maxFiles: limits.maxFiles,
    maxMb: Math.round(limits.maxBytes / (1024 * 1024)),
  });
};
