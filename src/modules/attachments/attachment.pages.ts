/**
 * Upload and delete actions shared by every record page that has attachments. An owning module
 * mounts `uploadAttachmentsAction('visit')` on its own path (e.g. POST /kunjungan/:id/lampiran,
 * with `attachmentUpload` before it); the browser goes back to the record page with a flash
 * message, an upload that breaks a rule included (files cannot be kept in a re-rendered form).
 */
import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { ValidationError } from '../../http/errors.js';
import { setFlash } from '../../http/flash.js';
import { attachmentLimitsOf, uploadedFiles } from './attachment-upload.js';
import { ownerAccess, requireOwnerAccess } from './attachment-owners.js';
import type { OwnerType } from './attachment.model.js';
import { deleteAttachment, storeAttachments } from './attachment.service.js';

export function uploadAttachmentsAction(ownerType: OwnerType): RequestHandler {
  return async (req, res) => {
    const actor = actingUser(req);
    const ownerId = String(req.params.id);
    const access = await requireOwnerAccess(actor, ownerType, ownerId, 'edit');
    try {
      const stored = await storeAttachments(actor, { type: ownerType, id: ownerId }, uploadedFiles(req), attachmentLimitsOf(req));
      setFlash(req, stored.length > 0 ? 'success' : 'error', stored.length > 0 ? 'attachments:flash.uploaded' : 'attachments:errors.none_chosen');
      res.redirect(303, `${access.pageUrl(ownerId)}#lampiran`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      setFlash(req, 'error', error.details?.attachments ?? 'errors.validation');
      res.redirect(303, `${access.pageUrl(ownerId)}#lampiran`);
    }
  };
}

export const deleteAttachmentAction: RequestHandler = async (req, res) => {
  const owner = await deleteAttachment(actingUser(req), String(req.params.id));
  setFlash(req, 'success', 'attachments:flash.deleted');
  const access = ownerAccess(owner.type);
  res.redirect(303, access ? `${access.pageUrl(owner.id)}#lampiran` : '/');
};
