import type { AttachmentRef } from './attachment.service.js';

/** What views/attachments/list.ejs shows. */
export interface AttachmentView {
  id: string;
  filename: string;
  sizeLabel: string;
  image: boolean;
  downloadUrl: string;
  thumbnailUrl: string | null;
}

export const ATTACHMENTS_PATH = '/lampiran';

/** "820 KB", "2,4 MB" — a human size in the reader's number format. */
function sizeLabel(bytes: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

export function presentAttachment(ref: AttachmentRef, lang: string): AttachmentView {
  return {
    id: ref.id,
    filename: ref.filename,
    sizeLabel: sizeLabel(ref.size, lang),
    image: ref.image,
    downloadUrl: `${ATTACHMENTS_PATH}/${ref.id}`,
    thumbnailUrl: ref.hasThumbnail ? `${ATTACHMENTS_PATH}/${ref.id}/pratinjau` : null,
  };
}

export function attachmentJson(ref: AttachmentRef) {
  return {
    id: ref.id,
    filename: ref.filename,
    contentType: ref.contentType,
    size: ref.size,
    image: ref.image,
    downloadUrl: `${ATTACHMENTS_PATH}/${ref.id}`,
    thumbnailUrl: ref.hasThumbnail ? `${ATTACHMENTS_PATH}/${ref.id}/pratinjau` : null,
    createdAt: ref.createdAt.toISOString(),
  };
}
