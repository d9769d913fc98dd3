/**
 * Upload limits: bytes per file and files per record. They come from the config
 * (ATTACHMENT_MAX_MB, ATTACHMENT_MAX_FILES); until the config declares them the defaults apply.
 */
import type { Config } from '../../config.js';

export interface AttachmentLimits {
  maxBytes: number;
  maxFiles: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = Object.freeze({ maxBytes: 10 * 1024 * 1024, maxFiles: 20 });

type LimitFields = Partial<{ attachmentMaxBytes: number; attachmentMaxFiles: number }>;

export function attachmentLimitsFrom(config: Readonly<Config>): AttachmentLimits {
  const fields = config as Readonly<Config> & LimitFields;
  return {
    maxBytes: fields.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_LIMITS.maxBytes,
    maxFiles: fields.attachmentMaxFiles ?? DEFAULT_ATTACHMENT_LIMITS.maxFiles,
  };
}
