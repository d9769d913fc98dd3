import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ejs from 'ejs';
import { createI18n } from '../../src/http/i18n.js';
import { VIEW_OPTIONS, VIEWS_DIR } from '../../src/http/views.js';

const t = createI18n().getFixedT('id');
const render = (name: string, data: Record<string, unknown>) =>
  ejs.renderFile(path.join(VIEWS_DIR, 'partials', `${name}.ejs`), { t, ...data }, VIEW_OPTIONS);

describe('partials', () => {
  test('form-errors – two field errors – summary with translated messages linking to the fields', async () => {
    const html = await render('form-errors', { errors: { name: 'errors.field.required', 'address.city': 'errors.field.too_long' } });
    assert.match(html, /role="alert"/);
    assert.match(html, /<h2 class="error-summary__title" id="error-summary-title">Ada masalah<\/h2>/);
    assert.match(html, /<a href="#name">Wajib diisi\.<\/a>/);
    assert.match(html, /<a href="#address\.city">Isian terlalu panjang\.<\/a>/);
  });

  test('form-errors – anchors given – errors on other fields are named, not linked', async () => {
    const html = await render('form-errors', { errors: { q: 'errors.field.too_long', '_': 'errors.validation', page: 'errors.field.too_high' }, anchors: ['q'] });
    assert.match(html, /<a href="#q">Isian terlalu panjang\.<\/a>/);
    assert.match(html, /<li>Ada isian yang perlu diperbaiki\.<\/li>/);
    assert.match(html, /<li>Nilai “page”: Angka terlalu besar\.<\/li>/);
    assert.doesNotMatch(html, /href="#page"/);
  });

  test('form-errors – no errors – renders nothing', async () => {
    assert.equal((await render('form-errors', { errors: {} })).trim(), '');
  });

  test('field – with hint and error – label above, described by hint and error, value kept and escaped', async () => {
    const html = await render('field', { name: 'name', label: 'Nama instansi', hint: 'Nama resmi', value: 'Dinas "Kominfo" <Solok>', error: 'errors.field.too_long', required: true });
    assert.match(html, /<label class="field__label" for="name">Nama instansi<\/label>/);
    assert.match(html, /id="name-hint">Nama resmi</);
    assert.match(html, /id="name-error"><span class="visually-hidden">Kesalahan:<\/span> Isian terlalu panjang\./);
    assert.match(html, /aria-describedby="name-hint name-error"/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /value="Dinas &#34;Kominfo&#34; &lt;Solok&gt;"/);
  });

  test('field – password – never echoes the value back', async () => {
    const html = await render('field', { name: 'password', label: 'Kata sandi', type: 'password', value: 'rahasia', required: true });
    assert.match(html, /value=""/);
  });

  test('select – current value – that option selected, optional marked', async () => {
    const html = await render('select', { name: 'level', label: 'Tingkat', options: [{ value: 'provinsi', label: 'Provinsi' }, { value: 'kota', label: 'Kota' }], value: 'kota', blank: 'Pilih' });
    assert.match(html, /<option value="kota" selected>Kota<\/option>/);
    assert.match(html, /<option value="provinsi" >Provinsi<\/option>/);
    assert.match(html, /\(opsional\)/);
  });

  test('pagination – page 5 of 10 with a filter – neighbours, first, last, keeps the query', async () => {
    const html = await render('pagination', { page: 5, totalPages: 10, baseUrl: '/admin/instansi?q=solok' });
    assert.match(html, /href="\/admin\/instansi\?q=solok&amp;page=4" rel="prev"/);
    assert.match(html, /href="\/admin\/instansi\?q=solok&amp;page=6" rel="next"/);
    assert.match(html, /aria-current="page">5</);
    assert.match(html, /page=1"/);
    assert.match(html, /page=10"/);
    assert.match(html, /Halaman 5 dari 10/);
  });

  test('pagination – a single page – renders nothing', async () => {
    assert.equal((await render('pagination', { page: 1, totalPages: 1, baseUrl: '/x' })).trim(), '');
  });
});
