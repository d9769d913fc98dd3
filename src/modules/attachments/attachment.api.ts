/** JSON upload for API clients: multipart with files in `attachments`, mounted by owning modules. */
import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import { attachmentLimitsOf, uploadedFiles } from './attachment-upload.js';
import { ownerAccess } from './attachment-owners.js';
import type { OwnerType } from './attachment.model.js';
import { attachmentJson } from './attachment.presenter.js';
import { storeAttachments } from './attachment.service.js';

export function uploadAttachmentsJson(ownerType: OwnerType): RequestHandler {
  return async (req, res) => {
    const actor = actingUser(req);
    const ownerId = String(req.params.id);
    const access = ownerAccess(ownerType);
    if (!access || !(await access.canRead(actor, ownerId))) throw new NotFoundError();
    if (!(await access.canEdit(actor, ownerId))) throw new ForbiddenError();
    const stored = await storeAttachments(actor, { type: ownerType, id: ownerId }, uploadedFiles(req), attachmentLimitsOf(req));
    res.status(201).json({ data: stored.map(attachmentJson) });
  };
}
