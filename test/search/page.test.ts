/**
 * The search page GET /cari against the embedded engine with synced data: highlights, facets with
 * counts, sort, pagination, empty state, the no-JS form, escaping, sign-in, outage and drafts.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/test-app.js';
import { signIn } from '../helpers/auth.js';
import { useSearchSuite } from './search-harness.js';
import { DRAFT_TITLE, seedSearchWorld, type SearchWorld } from './page-fixtures.js';

type Agent = ReturnType<TestApp['agent']>;

/** The visible text of the result titles, in page order. */
function resultTitles(html: string): string[] {
  return [...html.matchAll(/<h3 class="search-hit__title">\s*<a href="[^"]*">([\s\S]*?)<\/a>/g)].map((m) => m[1].replace(/<\/?mark>/g, '').trim());
}

describe('search page', () => {
  const suite = useSearchSuite();
  let world: SearchWorld;
  let solok: Agent;
  let padangPanjang: Agent;

  before(async () => {
    world = await seedSearchWorld(suite.h);
    solok = suite.t.agent();
    await signIn(solok, world.solok.user.email, world.solok.password);
    padangPanjang = suite.t.agent();
    await signIn(padangPanjang, world.padangPanjang.user.email, world.padangPanjang.password);
  });

  test('search page – matching query – lists hits across types with <mark> highlights', async () => {
    const res = await solok.get('/cari').query({ q: 'podcast' });
    assert.equal(res.status, 200);
    const titles = resultTitles(res.text);
    assert.ok(titles.includes(world.titles.podcastSolok), titles.join(' | '));
    assert.ok(titles.includes(world.titles.podcastBandung), titles.join(' | '));
    assert.match(res.text, /<mark>Podcast<\/mark>/);
    assert.match(res.text, /<span class="search-hit__tag">Praktik baik<\/span>/);
    const lesson = await solok.get('/cari').query({ q: 'program prioritas' });
    assert.ok(resultTitles(lesson.text).includes(world.titles.lesson));
    assert.match(lesson.text, /<span class="search-hit__tag">Pelajaran<\/span>/);
  });

  test('search page – facets – show counts and a ticked province narrows the results', async () => {
    const all = await solok.get('/cari').query({ q: 'podcast' });
    assert.match(all.text, /<label><input [^>]*name="province" value="13"[^>]*><span>Sumatera Barat <span class="facet__count">\(1\)<\/span>/);
    assert.match(all.text, /<label><input [^>]*name="province" value="32"[^>]*><span>Jawa Barat <span class="facet__count">\(1\)<\/span>/);
    const narrowed = await solok.get('/cari').query({ q: 'podcast', province: '32' });
    assert.deepEqual(resultTitles(narrowed.text), [world.titles.podcastBandung]);
    assert.match(narrowed.text, /name="province" value="32" checked/);
    assert.match(narrowed.text, /Hapus semua saringan/);
    // A province ticked that no hit involves stays listed by its name, with 0, so it can be unticked.
    const none = await solok.get('/cari').query({ q: 'podcast', province: '91' });
    assert.match(none.text, /<label><input [^>]*name="province" value="91" checked[^>]*><span>Papua <span class="facet__count">\(0\)<\/span>/);
  });

  test('search page – sort newest – orders hits by date, newest first', async () => {
    const res = await solok.get('/cari').query({ q: 'podcast', sort: 'newest' });
    assert.deepEqual(resultTitles(res.text), [world.titles.podcastBandung, world.titles.podcastSolok]);
    assert.match(res.text, /<option value="newest" selected/);
  });

  test('search page – more hits than a page – paginates with links that keep the query', async () => {
    const first = await solok.get('/cari').query({ q: 'kalender', type: 'practice', perPage: '4' });
    assert.equal(resultTitles(first.text).length, 4);
    assert.match(first.text, /href="\/cari\?q=kalender&amp;type=practice&amp;perPage=4&amp;page=2"/);
    assert.match(first.text, new RegExp(`${world.kalenderCount} hasil`));
    const second = await solok.get('/cari').query({ q: 'kalender', type: 'practice', perPage: '4', page: '2' });
    const rest = resultTitles(second.text);
    assert.equal(rest.length, 2);
    for (const title of rest) assert.ok(!resultTitles(first.text).includes(title));
  });

  test('search page – a page past the last – redirected to the last page with the query kept; no match – no redirect', async () => {
    const past = await solok.get('/cari').query({ q: 'kalender', type: 'practice', perPage: '4', page: '9' });
    assert.equal(past.status, 302);
    assert.equal(past.headers.location, '/cari?q=kalender&type=practice&perPage=4&page=2');
    assert.equal((await solok.get('/cari').query({ q: 'zzzkatatakada', page: '3' })).status, 200);
  });

  test('search page – no match – empty state with popular topics linking to a topic search; the advice to remove filters only under a filter', async () => {
    const res = await solok.get('/cari').query({ q: 'xqzvwk' });
    assert.equal(res.status, 200);
    assert.match(res.text, /Tidak ada hasil/);
    assert.match(res.text, /<p>Coba kata yang lebih umum atau periksa ejaan\.<\/p>/);
    assert.match((await solok.get('/cari').query({ q: 'xqzvwk', type: 'lesson' })).text, /atau hapus sebagian saringan\./);
    assert.match(res.text, /Topik yang banyak dicari/);
    assert.match(res.text, /href="\/cari\?topic=kehumasan">Kehumasan</);
  });

  test('search page – a word no record holds – results without it, the word named struck through; under a filter, the notice says so', async () => {
    const res = await solok.get('/cari').query({ q: 'contoh sop podcast' });
    assert.equal(res.status, 200);
    assert.ok(resultTitles(res.text).includes(world.titles.podcastSolok));
    assert.match(res.text, /Tidak ditemukan: <s>sop<\/s>\. Hasil di bawah ini tanpa kata tersebut\./);
    assert.match(res.text, /<p class="search-missing">Tidak ada catatan yang memuat semua kata\./);
    const filtered = await solok.get('/cari').query({ q: 'contoh sop podcast', type: 'practice' });
    assert.match(filtered.text, /<p class="search-missing">Dengan saringan yang dipilih, tidak ada catatan yang memuat semua kata\. Tidak ditemukan: <s>sop<\/s>/);
    // The words left hold together, so nothing more is said.
    assert.doesNotMatch(res.text, /memuat semua kata sekaligus/);
  });

  test('search page – a place no record holding the words involves (podcast jawa tengah) – the page says so by the place\'s name, of the filtered records under a filter; not for a place that has one; a place left out (di luar) said so', async () => {
    const res = await solok.get('/cari').query({ q: 'podcast jawa tengah' });
    assert.equal(res.status, 200);
    assert.ok(resultTitles(res.text).includes(world.titles.podcastSolok));
    assert.match(res.text, /<p class="search-missing">Belum ada catatan dari Jawa Tengah yang memuat kata lainnya\. Hasil di bawah ini berasal dari daerah lain atau hanya menyebut Jawa Tengah\.<\/p>/);
    assert.doesNotMatch((await solok.get('/cari').query({ q: 'podcast jawa barat' })).text, /Belum ada catatan dari/);
    // A place left out is said so, and its records are gone.
    const notSumbar = await solok.get('/cari').query({ q: 'podcast di luar sumbar' });
    assert.match(notSumbar.text, /<p class="search-places-left-out">Tanpa catatan yang melibatkan Sumatera Barat\.<\/p>/);
    assert.ok(!resultTitles(notSumbar.text).includes(world.titles.podcastSolok));
    // Under a filter the notice speaks of the filtered records: one outside it may hold the words.
    const filtered = await solok.get('/cari').query({ q: 'podcast jawa tengah', type: 'practice' });
    assert.match(filtered.text, /<p class="search-missing">Dengan saringan yang dipilih, belum ada catatan dari Jawa Tengah yang memuat kata lainnya\./);
  });

  test('search page – no record holds every word (videotron kalender) – the page says so; the records holding the words after the first shown apart, under a heading naming the first', async () => {
    const res = await solok.get('/cari').query({ q: 'videotron kalender' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<p class="search-missing">Tidak ada catatan yang memuat semua kata sekaligus\. Hasil di bawah ini memuat sebagian; kata yang cocok ditandai\.<\/p>/);
    const filtered = await solok.get('/cari').query({ q: 'videotron kalender', type: 'practice' });
    assert.match(filtered.text, /<p class="search-missing">Dengan saringan yang dipilih, tidak ada catatan yang memuat semua kata sekaligus\./);
    assert.doesNotMatch((await solok.get('/cari').query({ q: 'videotron' })).text, /memuat semua kata sekaligus/);
    const [hits, others] = res.text.split('<h2 class="search-others__title">');
    assert.ok(others, 'a second list');
    assert.match(others, /^Memuat kata lainnya, tanpa “videotron”<\/h2>/);
    assert.deepEqual(resultTitles(hits).map((title) => title.includes('Videotron')), [true]);
    assert.ok(resultTitles(others).length > 0 && resultTitles(others).every((title) => title.startsWith('Kalender Publikasi')), resultTitles(others).join());
    assert.match(res.text, /1 hasil/);
  });

  test('search page – hits holding every word, then records holding fewer (podcast juara) – those under a heading of their own', async () => {
    const res = await solok.get('/cari').query({ q: 'podcast juara' });
    const [all, some] = res.text.split('<h2 class="search-others__title">');
    assert.ok(some, 'a second list');
    assert.match(some, /^Memuat sebagian kata yang dicari<\/h2>/);
    assert.deepEqual(resultTitles(all), [world.titles.podcastBandung]);
    assert.ok(resultTitles(some).includes(world.titles.podcastSolok), resultTitles(some).join());
    assert.doesNotMatch((await solok.get('/cari').query({ q: 'podcast' })).text, /Memuat sebagian kata/);
  });

  test('search page – a query naming only a kind (pelajaran) – its records, the page says so, no look-alike suggested', async () => {
    const res = await solok.get('/cari').query({ q: 'pelajaran' });
    assert.equal(res.status, 200);
    assert.match(res.text, /Semua catatan berjenis “Pelajaran” ditampilkan, yang terbaru dulu\./);
    assert.doesNotMatch(res.text, /Mungkin maksud Anda/);
    assert.ok(resultTitles(res.text).length > 0);
    const ofYear = await solok.get('/cari').query({ q: 'pelajaran 2022' });
    assert.match(ofYear.text, /Catatan berjenis “Pelajaran” tahun 2022 ditampilkan/);
  });

  test('search page – a span of years in the query (podcast sebelum 2022) – the page says which years are shown', async () => {
    const res = await solok.get('/cari').query({ q: 'podcast sebelum 2022' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<p class="search-years">Hanya catatan tahun 2021 dan sebelumnya\.<\/p>/);
    assert.deepEqual(resultTitles(res.text), [world.titles.podcastSolok]);
    // The query box keeps the words as typed.
    assert.match(res.text, /value="podcast sebelum 2022"/);
  });

  test('search page – a word asking for the newest (podcast terbaru) – the sort select shows newest', async () => {
    const res = await solok.get('/cari').query({ q: 'podcast terbaru' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<option value="newest" +selected>/);
    assert.doesNotMatch((await solok.get('/cari').query({ q: 'podcast' })).text, /<option value="newest" +selected>/);
  });

  test('search page – typo in the query – suggests the corrected words', async () => {
    const res = await solok.get('/cari').query({ q: 'podkast' });
    assert.ok(resultTitles(res.text).includes(world.titles.podcastSolok));
    assert.match(res.text, /Mungkin maksud Anda: <a href="\/cari\?q=podcast">podcast<\/a>/);
  });

  test('search page – without JavaScript – one GET form with checkbox groups and an apply button', async () => {
    const page = await solok.get('/cari').query({ q: 'publikasi' });
    assert.match(page.text, /<form class="search-filters" id="search-filters" method="get" action="\/cari"/);
    assert.match(page.text, /<label><input type="checkbox" name="type" value="practice">/);
    assert.match(page.text, /<button class="button" type="submit">Terapkan<\/button>/);
    // What the browser sends when two boxes of one group are ticked: the parameter twice.
    const submitted = await solok.get('/cari?q=publikasi&sort=relevance&type=lesson&type=visit');
    assert.equal(submitted.status, 200);
    assert.doesNotMatch(submitted.text, /<span class="search-hit__tag">Praktik baik<\/span>/);
    assert.match(submitted.text, /name="type" value="lesson" checked/);
    assert.match(submitted.text, /name="type" value="visit" checked/);
  });

  test('search page – markup in a title – escaped in the results', async () => {
    const res = await solok.get('/cari').query({ q: 'videotron' });
    assert.ok(resultTitles(res.text).some((title) => title.includes('&lt;script') && title.includes('Videotron')));
    const scripts = res.text.match(/<script[^>]*>/g) ?? [];
    assert.ok(scripts.every((tag) => tag.includes('src="/assets/')), scripts.join(' '));
    assert.ok(!res.text.includes('<b>tebal</b>'));
  });

  test('search page – English – labels of types, facets and sorts translated', async () => {
    // The language choice sticks to the browser, so a browser of its own.
    const english = suite.t.agent();
    await signIn(english, world.bandung.user.email, world.bandung.password);
    const res = await english.get('/cari').query({ q: 'podcast', lang: 'en' });
    assert.match(res.text, /<span class="search-hit__tag">Good practice<\/span>/);
    assert.match(res.text, /<legend class="facet__legend">Province<\/legend>/);
    assert.match(res.text, /<option value="newest"[^>]*>Newest<\/option>/);
    assert.match(res.text, /2 results/);
  });

  test('search page – invalid filter value – 422 page with an error summary naming the parameter, not a crash', async () => {
    const res = await solok.get('/cari?q=podcast&type=secret&type=hidden&page=9999');
    assert.equal(res.status, 422);
    assert.match(res.text, /class="error-summary"/);
    // The form has no field for these: they are named, not linked to an anchor that is not there.
    // Two bad values of one parameter make one line.
    assert.equal(res.text.match(/<li>Nilai “type”: Pilih salah satu pilihan yang tersedia\.<\/li>/g)?.length, 1);
    assert.match(res.text, /<li>Nilai “page”: Angka terlalu besar\.<\/li>/);
    assert.doesNotMatch(res.text, /href="#(type|page)"/);
  });

  test('search page – query too long – the error links to the search field the form shows', async () => {
    const res = await solok.get('/cari').query({ q: 'a'.repeat(201) });
    assert.equal(res.status, 422);
    assert.match(res.text, /<a href="#q">/);
  });

  test('search page – another agency’s draft – never in hits or facet counts; visible to its own agency', async () => {
    const other = await solok.get('/cari').query({ q: 'zamrud' });
    assert.ok(!other.text.includes(DRAFT_TITLE));
    assert.match(other.text, /0 hasil/);
    const statusFacet = await solok.get('/cari').query({ q: 'podcast' });
    assert.doesNotMatch(statusFacet.text, /name="status" value="draft"/);
    const own = await padangPanjang.get('/cari').query({ q: 'zamrud' });
    assert.ok(resultTitles(own.text).includes(DRAFT_TITLE));
    assert.match(own.text, /search-hit__tag--draft/);
  });

  test('header – signed-in pages – carry the search box and its script; anonymous pages do not', async () => {
    const home = await solok.get('/');
    assert.match(home.text, /<form class="site-search" method="get" action="\/cari" role="search"/);
    assert.match(home.text, /<script src="\/assets\/search.js" defer><\/script>/);
    const signInPage = await suite.t.agent().get('/masuk');
    assert.doesNotMatch(signInPage.text, /class="site-search"/);
  });

  test('search page – anonymous – redirected to sign in with the search kept', async () => {
    const res = await suite.t.agent().get('/cari?q=podcast');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, `/masuk?next=${encodeURIComponent('/cari?q=podcast')}`);
  });

  test('search page – engine down – friendly 503 page; search works again after restart', async () => {
    await suite.h.stopEngine();
    try {
      const res = await solok.get('/cari').query({ q: 'podcast' });
      assert.equal(res.status, 503);
      assert.match(res.text, /<h1>Pencarian sedang tidak tersedia<\/h1>/);
      assert.doesNotMatch(res.text, /at \w+ \(|Error:/);
    } finally {
      await suite.h.restartEngine();
    }
    const back = await solok.get('/cari').query({ q: 'podcast' });
    assert.equal(back.status, 200);
    assert.ok(resultTitles(back.text).includes(world.titles.podcastSolok));
  });
});
