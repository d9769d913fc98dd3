/**
 * Which files may be attached, decided by their content (magic bytes, and for Office files the
 * OOXML content type inside the zip, as file-type reads it), never by the name alone. The name's
 * extension must agree with the content, so "laporan.pdf" that is really a script is refused.
 */
import { fileTypeFromBuffer } from 'file-type';

export interface AllowedKind {
  mime: string;
  /** Extensions a file of this kind may be named with. */
  extensions: readonly string[];
  image: boolean;
}

const KINDS: Record<string, AllowedKind> = {
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], image: true },
  png: { mime: 'image/png', extensions: ['png'], image: true },
  webp: { mime: 'image/webp', extensions: ['webp'], image: true },
  pdf: { mime: 'application/pdf', extensions: ['pdf'], image: false },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], image: false },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], image: false },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], image: false },
};

/** For the file input's `accept` attribute (a hint only; the server decides). */
export const ACCEPT_ATTRIBUTE = Object.values(KINDS)
  .flatMap((k) => k.extensions.map((e) => `.${e}`))
  .join(',');

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** The allowed kind of this content, or null when the content is not allowed or the name lies. */
export async function detectAllowedKind(buffer: Uint8Array, filename: string): Promise<AllowedKind | null> {
  const detected = await fileTypeFromBuffer(buffer);
  const kind = detected ? KINDS[detected.ext] : undefined;
  if (!kind || kind.mime !== detected?.mime) return null;
  return kind.extensions.includes(extensionOf(filename)) ? kind : null;
}
