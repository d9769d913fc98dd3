/**
 * Multipart parsing for forms and API calls that carry files in the field `attachments`
 * (multer, memory storage, limits from the config). A limit hit does not end the request: it is
 * kept as a field error so the handler can answer 422 with the form as it was.
 */
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { appContext } from '../../http/app-context.js';
import { ValidationError } from '../../http/errors.js';
import { attachmentLimitsFrom, type AttachmentLimits } from './attachment-limits.js';
import type { UploadedFile } from './attachment.service.js';

export const ATTACHMENT_FIELD = 'attachments';

declare module 'express-serve-static-core' {
  interface Request {
    /** i18n key of an upload limit hit while parsing, read by uploadedFiles(). */
    attachmentUploadError?: string;
  }
}

/** Files are held in memory while checked: one request carries at most this many. */
export const FILES_PER_REQUEST = 10;

const LIMIT_MESSAGES: Record<string, string> = {
  LIMIT_FILE_SIZE: 'attachments:errors.too_large',
  LIMIT_FILE_COUNT: 'attachments:errors.too_many_at_once',
  LIMIT_UNEXPECTED_FILE: 'attachments:errors.unexpected_field',
};

export function attachmentLimitsOf(req: Request): AttachmentLimits {
  return attachmentLimitsFrom(appContext(req).config);
}

/** Parses multipart bodies (other bodies pass through untouched). */
export const attachmentUpload: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) return next();
  const limits = attachmentLimitsOf(req);
  const parse = multer({
    storage: multer.memoryStorage(),
    // Browsers send file names as UTF-8 without saying so; busboy's default would read latin1.
    defParamCharset: 'utf8',
    limits: { fileSize: limits.maxBytes, files: Math.min(limits.maxFiles, FILES_PER_REQUEST), fields: 200, fieldSize: 100 * 1024 },
  }).array(ATTACHMENT_FIELD);
  parse(req, res, (error?: unknown) => {
    if (!error) return next();
    const code = error instanceof multer.MulterError ? error.code : '';
    const message = LIMIT_MESSAGES[code];
    if (!message) return next(error);
    req.attachmentUploadError = message;
    req.body ??= {};
    next();
  });
};

/** The files of this request; throws the ValidationError of a limit hit while parsing. */
export function uploadedFiles(req: Request): UploadedFile[] {
  if (req.attachmentUploadError) throw new ValidationError({ [ATTACHMENT_FIELD]: req.attachmentUploadError });
  const files = req.files;
  return Array.isArray(files) ? files.map(({ originalname, size, buffer }) => ({ originalname, size, buffer })) : [];
}
