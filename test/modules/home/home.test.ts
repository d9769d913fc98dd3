import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signIn } from '../../helpers/auth.js';
import { createUser, type CreatedUser } from '../../helpers/factories.js';
import { createTestPractice } from '../../helpers/practice-factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('home page', () => {
  let t: TestApp;
  let reader: CreatedUser;
  before(async () => {
    t = await startTestApp();
    reader = await createUser({ role: 'planner' });
    const author = await createUser({ role: 'staff' });
    for (const n of [1, 2, 3, 4, 5, 6]) await createTestPractice(author.acting, { name: `Praktik Beranda ${n}` });
    await createTestPractice(author.acting, { name: 'Draf Beranda Instansi Lain', status: 'draft' });
  });
  after(async () => {
    await t.stop();
  });

  const homeOf = async (who: CreatedUser): Promise<string> => {
    const agent = t.agent();
    await signIn(agent, who.user.email, who.password);
    const res = await agent.get('/');
    assert.equal(res.status, 200);
    return res.text;
  };

  test('home – published practices of other agencies – the five newest, linked, with the total', async () => {
    const html = await homeOf(reader);
    const listed = [...html.matchAll(/<strong>(Praktik Beranda \d)<\/strong>/g)].map((m) => m[1]);
    assert.deepEqual(listed, ['Praktik Beranda 6', 'Praktik Beranda 5', 'Praktik Beranda 4', 'Praktik Beranda 3', 'Praktik Beranda 2']);
    assert.match(html, /href="\/praktik\?status=published">Lihat semua 6 praktik baik yang diterbitkan/);
  });

  test('home – another agency\'s draft – never listed', async () => {
    assert.doesNotMatch(await homeOf(reader), /Draf Beranda Instansi Lain/);
  });

  test('home – a user who records – links to record a visit, a practice and a lesson, and to search', async () => {
    const html = await homeOf(reader);
    for (const href of ['/cari', '/kunjungan/baru', '/praktik/baru', '/pelajaran/baru']) assert.ok(html.includes(`<a href="${href}">`), href);
    assert.doesNotMatch(html, /akan tersedia di sini/);
  });

  test('home – an admin – also links to agencies, users, topics and the search status; others do not', async () => {
    const steps = (html: string) => html.match(/<ul class="link-list">[\s\S]*?<\/ul>/)?.[0] ?? '';
    const admin = steps(await homeOf(await createUser({ role: 'admin' })));
    for (const href of ['/admin/instansi', '/admin/pengguna', '/admin/topik', '/admin/pencarian']) assert.ok(admin.includes(`<a href="${href}">`), href);
    assert.doesNotMatch(steps(await homeOf(reader)), /\/admin\//);
  });
});
