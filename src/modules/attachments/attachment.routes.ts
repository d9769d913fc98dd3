import type { RequestHandler } from 'express';
import { actingUser } from '../../auth/current-user.js';
import type { RouteDef } from '../../http/routes.js';
import { contentDisposition } from './download-name.js';
import { ATTACHMENTS_PATH } from './attachment.presenter.js';
import { deleteAttachmentAction } from './attachment.pages.js';
import { deleteAttachment, openAttachment } from './attachment.service.js';

/**
 * Downloads for signed-in readers of the owning record. Images open in the browser, everything
 * else downloads; nosniff (helmet) and a sandboxing CSP keep a crafted file from running script.
 */
function download(variant: 'original' | 'thumbnail'): RequestHandler {
  return async (req, res) => {
    const file = await openAttachment(actingUser(req), String(req.params.id), variant);
    const inline = file.ref.image || variant === 'thumbnail';
    const name = variant === 'thumbnail' ? `pratinjau-${file.ref.filename}.webp` : file.ref.filename;
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', name));
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=3600');
    if (variant === 'original') res.setHeader('Content-Length', String(file.ref.size));
    file.stream.on('error', (error) => res.destroy(error));
    file.stream.pipe(res);
  };
}

const deleteAttachmentJson: RequestHandler = async (req, res) => {
  await deleteAttachment(actingUser(req), String(req.params.id));
  res.status(204).end();
};

export const attachmentRoutes: RouteDef[] = [
  { method: 'get', path: `${ATTACHMENTS_PATH}/:id`, access: 'user', summary: 'Download an attachment', handlers: [download('original')] },
  { method: 'get', path: `${ATTACHMENTS_PATH}/:id/pratinjau`, access: 'user', summary: 'Thumbnail of an image attachment', handlers: [download('thumbnail')] },
  { method: 'post', path: `${ATTACHMENTS_PATH}/:id/hapus`, access: 'user', summary: 'Delete an attachment', handlers: [deleteAttachmentAction] },
  { method: 'get', path: '/attachments/:id', access: 'user', api: true, summary: 'Download an attachment', handlers: [download('original')] },
  { method: 'delete', path: '/attachments/:id', access: 'user', api: true, summary: 'Delete an attachment', handlers: [deleteAttachmentJson] },
];
