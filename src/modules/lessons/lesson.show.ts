import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { ACCEPT_ATTRIBUTE } from '../attachments/file-kinds.js';
import { attachmentLimitsOf } from '../attachments/attachment-upload.js';
import { presentAttachment } from '../attachments/attachment.presenter.js';
import { listAttachmentsOf } from '../attachments/attachment.service.js';
import { canRestore } from '../history/soft-delete.js';
import { findPracticeSummaries } from '../practices/practice.queries.js';
import { findVisitForLesson } from '../practices/visit-links.js';
import { lessonLabels, LESSONS_PATH } from './lesson.pages.js';
import { lessonHistory } from './lesson-history.js';
import { presentLesson } from './lesson.presenter.js';
import { canEditLesson, getLesson } from './lesson.service.js';

/** GET /pelajaran/:id — observation → lesson → recommendation, where it came from, files and history. */
export const showPage: RequestHandler = async (req, res) => {
  const actor = actingUser(req);
  const lesson = await getLesson(actor, String(req.params.id));
  const [labels, visit, practices, revisions, attachments] = await Promise.all([
    lessonLabels([lesson], res.locals.lang),
    lesson.visitId ? findVisitForLesson(actor, lesson.visitId) : Promise.resolve(null),
    findPracticeSummaries(actor, lesson.practiceIds),
    lessonHistory(actor, lesson.id, res.locals),
    listAttachmentsOf({ type: 'lesson', id: lesson.id }),
  ]);
  const limits = attachmentLimitsOf(req);
  res.render('lessons/show', {
    lesson: presentLesson(lesson, labels),
    visit,
    practices,
    revisions,
    attachments: attachments.map((a) => presentAttachment(a, res.locals.lang)),
    canEdit: canEditLesson(actor, lesson),
    canRestore: canRestore(actor) && lesson.deletedAt !== null,
    basePath: `${LESSONS_PATH}/${lesson.id}`,
    uploadAction: `${LESSONS_PATH}/${lesson.id}/lampiran`,
    accept: ACCEPT_ATTRIBUTE,
    maxFiles: limits.maxFiles,
    maxMb: Math.round(limits.maxBytes / (1024 * 1024)),
  });
};
