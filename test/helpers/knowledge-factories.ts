/**
 * Test data for visits and attachments: visits made through the real service, API tokens for
 * Bearer calls, and small real files (an image, a PDF, an Office document as a genuine OOXML zip,
 * and a program disguised by its name) to exercise type checks by content.
 */
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { ActingUser } from '../../src/auth/acting-user.js';
import { createApiToken } from '../../src/auth/api-tokens/api-token.service.js';
import { createVisit } from '../../src/modules/visits/visit.service.js';
import type { VisitRecord } from '../../src/modules/visits/visit.record.js';
import { createAgency } from './factories.js';

/** Kota Padang Panjang (13.74), the host of the sample visit. */
export function createHostAgency(name = 'Padang Panjang') {
  return createAgency({ name: `Dinas Komunikasi dan Informatika ${name} ${Math.random().toString(36).slice(2, 8)}`, shortName: `Diskominfo ${name}`, regionCode: '13.74' });
}

export interface VisitOverrides {
  visitingAgencyIds?: string[];
  hostAgencyIds?: string[];
  [field: string]: unknown;
}

/** A valid visit input: the actor's agency visits `hostAgencyIds` (a new host agency unless given). */
export async function visitInput(actor: ActingUser, overrides: VisitOverrides = {}): Promise<Record<string, unknown>> {
  const hostAgencyIds = overrides.hostAgencyIds ?? [(await createHostAgency()).id];
  return {
    visitingAgencyIds: [actor.agencyId],
    startDate: '2022-05-31',
    endDate: '2022-05-31',
    place: 'Kantor Diskominfo',
    purpose: 'Koordinasi dan konsultasi bidang IKP',
    topics: ['publikasi-konten', 'ppid', 'media-sosial'],
    tags: ['siaran mingguan'],
    delegation: [{ name: 'Pejabat Uji, S.T., M.M.', position: 'Kepala Bidang IKP', agencyId: actor.agencyId }],
    hostOfficials: [{ name: 'Penerima Uji, S.ST', position: 'Pranata Humas Ahli Muda' }],
    summary: 'Ringkasan **kunjungan** uji.',
    agenda: '',
    sources: [{ url: 'https://berita.example/kunjungan-uji', title: 'Berita kunjungan' }],
    status: 'published',
    ...overrides,
    hostAgencyIds,
  };
}

export async function createTestVisit(actor: ActingUser, overrides: VisitOverrides = {}): Promise<VisitRecord> {
  return createVisit(actor, await visitInput(actor, overrides));
}

/** A personal API token for Bearer calls (no session, no CSRF). */
export async function apiTokenFor(actor: ActingUser): Promise<string> {
  return (await createApiToken(actor, { name: `uji-${Math.random().toString(36).slice(2, 8)}` })).token;
}

export async function pngBytes(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();
}

export function pdfBytes(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
}

/** A Windows program header: what a disguised "foto.jpg" might really be. */
export function exeBytes(): Buffer {
  const bytes = Buffer.alloc(256, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** A stored (uncompressed) zip archive of the given entries. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal Word document: its [Content_Types].xml names the wordprocessingml main part. */
export function docxBytes(): Buffer {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const document = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>';
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: 'word/document.xml', data: Buffer.from(document) },
  ]);
}

/** A plain zip (not an Office document) — refused even when named .docx. */
export function plainZipBytes(): Buffer {
  return zip([{ name: 'catatan.txt', data: Buffer.from('bukan dokumen office') }]);
}
