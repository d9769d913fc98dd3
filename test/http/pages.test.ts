import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import supertest from 'supertest';
import { buildTestApp, startTestApp, type TestApp } from '../helpers/test-app.js';
import { signIn } from '../helpers/auth.js';
import { createUser } from '../helpers/factories.js';
import { createI18n } from '../../src/http/i18n.js';
import { languageMiddleware } from '../../src/http/language.js';
import { readCookies } from '../../src/http/cookies.js';
import { viewLocals } from '../../src/http/view-locals.js';
import { errorHandler } from '../../src/http/error-handler.js';
import { configureViews } from '../../src/http/views.js';

describe('web shell', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  test('security headers – any page – strict CSP without inline script or CDN', async () => {
    const res = await t.agent().get('/masuk');
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:/);
    assert.doesNotMatch(res.text, /<script>(?!<\/script>)|<script [^>]*src="http/);
    assert.match(res.text, /<script src="\/assets\/app\.js" defer><\/script>/);
  });

  test('caching headers – a page carries no ETag (its body differs every time); an asset does', async () => {
    assert.equal((await t.agent().get('/masuk')).headers.etag, undefined);
    assert.ok((await t.agent().get('/assets/app.js')).headers.etag);
  });

  test('cookies – over plain http – HttpOnly and SameSite=Lax, not Secure', async () => {
    const res = await t.agent().get('/masuk');
    const session = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('studitiru.sid='));
    assert.ok(session);
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    assert.doesNotMatch(session, /Secure/);
  });

  test('cookies – behind a TLS proxy (TRUST_PROXY) – Secure', async () => {
    const proxied = buildTestApp({ env: { TRUST_PROXY: 'true' } });
    const res = await supertest(proxied.app).get('/masuk').set('X-Forwarded-Proto', 'https');
    const cookies = res.headers['set-cookie'] as unknown as string[];
    assert.ok(cookies.length >= 2, 'session and CSRF cookies');
    for (const cookie of cookies) assert.match(cookie, /; Secure/, cookie);
  });

  test('404 – unknown page – Indonesian page, no stack; unknown API path – JSON error shape', async () => {
    const page = await t.agent().get('/tidak-ada');
    assert.equal(page.status, 404);
    assert.match(page.text, /<h1>Halaman tidak ditemukan<\/h1>/);
    const api = await t.agent().get('/api/v1/tidak-ada');
    assert.equal(api.status, 404);
    assert.deepEqual(api.body, { error: { code: 'not_found', message: 'Halaman tidak ditemukan.', details: {} } });
  });

  test('language – ?lang=en then plain visits – English remembered by cookie, Indonesian by default', async () => {
    const agent = t.agent();
    assert.match((await agent.get('/masuk')).text, /<html lang="id">[\s\S]*<h1>Masuk<\/h1>/);
    assert.match((await agent.get('/masuk?lang=en')).text, /<h1>Sign in<\/h1>/);
    const later = await agent.get('/masuk');
    assert.match(later.text, /<html lang="en">[\s\S]*<h1>Sign in<\/h1>/);
    assert.match(later.text, /href="\/masuk\?lang=id"/);
  });

  test('navigation – by role – admin sees the admin links, staff only Profil', async () => {
    const admin = await createUser({ role: 'admin' });
    const staff = await createUser({ role: 'staff' });
    const adminAgent = t.agent();
    await signIn(adminAgent, admin.user.email, admin.password);
    const staffAgent = t.agent();
    await signIn(staffAgent, staff.user.email, staff.password);
    const adminHome = (await adminAgent.get('/')).text;
    const staffHome = (await staffAgent.get('/')).text;
    const nav = (html: string) => html.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? '';
    assert.match(nav(adminHome), /href="\/admin\/instansi"/);
    assert.match(nav(adminHome), /href="\/admin\/pengguna"/);
    assert.doesNotMatch(nav(staffHome), /\/admin\//);
    assert.match(nav(staffHome), /href="\/profil"/);
  });

  test('flash – after sign-in – shown once, then gone', async () => {
    const { user, password } = await createUser();
    const agent = t.agent();
    await signIn(agent, user.email, password);
    assert.match((await agent.get('/')).text, /Anda berhasil masuk\./);
    assert.doesNotMatch((await agent.get('/')).text, /Anda berhasil masuk\./);
  });

  test('home – signed in – greets by name and shows today in WIB words', async () => {
    const { user, password } = await createUser({ name: 'Alwa Dudi, S.T.' });
    const agent = t.agent();
    await signIn(agent, user.email, password);
    const res = await agent.get('/');
    assert.equal(res.status, 200);
    assert.match(res.text, /Selamat datang, Alwa Dudi, S\.T\./);
    assert.match(res.text, /Hari ini (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4}\./u);
  });

  test('500 – unexpected error – plain page with the request id and no stack', async () => {
    const app = express();
    configureViews(app, true);
    app.use((req, _res, next) => { (req as unknown as { id: string }).id = 'req-42'; next(); });
    app.use(readCookies, languageMiddleware(createI18n()), viewLocals('Asia/Jakarta'));
    app.get('/boom', () => { throw new Error('rahasia internal /srv/app/src/x.ts:10'); });
    app.use(errorHandler);
    const res = await supertest(app).get('/boom');
    assert.equal(res.status, 500);
    assert.match(res.text, /Maaf, terjadi kesalahan pada sistem/);
    assert.match(res.text, /req-42/);
    assert.doesNotMatch(res.text, /rahasia internal|\.ts:\d+|\n\s+at /);
  });
});
