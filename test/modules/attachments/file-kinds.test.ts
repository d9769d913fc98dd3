import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAllowedKind } from '../../../src/modules/attachments/file-kinds.js';
import { cleanFilename, contentDisposition } from '../../../src/modules/attachments/download-name.js';
import { docxBytes, exeBytes, pdfBytes, plainZipBytes, pngBytes } from '../../helpers/knowledge-factories.js';

describe('attachment file kinds', () => {
  test('detectAllowedKind – png, pdf and docx named as they are – accepted with the content type', async () => {
    assert.equal((await detectAllowedKind(await pngBytes(4, 4), 'foto.PNG'))?.mime, 'image/png');
    assert.equal((await detectAllowedKind(pdfBytes(), 'laporan.pdf'))?.mime, 'application/pdf');
    assert.equal((await detectAllowedKind(docxBytes(), 'laporan.docx'))?.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  test('detectAllowedKind – a program named foto.jpg – refused', async () => {
    assert.equal(await detectAllowedKind(exeBytes(), 'foto.jpg'), null);
  });

  test('detectAllowedKind – a png named laporan.pdf, a plain zip named .docx – refused', async () => {
    assert.equal(await detectAllowedKind(await pngBytes(4, 4), 'laporan.pdf'), null);
    assert.equal(await detectAllowedKind(plainZipBytes(), 'laporan.docx'), null);
  });

  test('contentDisposition – non-ASCII and quote characters – ASCII fallback plus RFC 5987 filename*', () => {
    const header = contentDisposition('attachment', 'Laporan "Studi" Tiru – Padang Panjang.pdf');
    assert.equal(header, `attachment; filename="Laporan _Studi_ Tiru _ Padang Panjang.pdf"; filename*=UTF-8''Laporan%20%22Studi%22%20Tiru%20%E2%80%93%20Padang%20Panjang.pdf`);
  });

  test('cleanFilename – path, control and bidi characters – removed, extension kept', () => {
    assert.equal(cleanFilename('..\\..\\etc/passwd'), 'passwd');
    assert.equal(cleanFilename('foto\u202egpj.exe'), 'fotogpj.exe');
    assert.equal(cleanFilename('a\r\nb.pdf'), 'ab.pdf');
    const long = cleanFilename(`${'x'.repeat(300)}.docx`);
    assert.equal(long.length, 150);
    assert.ok(long.endsWith('.docx'));
  });
});
