/** Upload limits: bytes per file and files per record, from the config (ATTACHMENT_MAX_MB, ATTACHMENT_MAX_FILES). */
import type { Config } from '../../config.js';

export interface AttachmentLimits {
  maxBytes: number;
  maxFiles: number;
}

export function attachmentLimitsFrom(config: Readonly<Config>): AttachmentLimits {
  return { maxBytes: config.attachmentMaxBytes, maxFiles: config.attachmentMaxFiles };
}
