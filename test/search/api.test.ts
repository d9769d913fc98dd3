/**
 * GET /api/v1/search and /api/v1/search/suggest against the embedded engine with synced data:
 * envelope, filters, validation, permissions, outage, OpenAPI.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { searchQuerySchema, suggestQuerySchema } from '../../src/search/search.schemas.js';
import type { TestApp } from '../helpers/test-app.js';
import { signIn } from '../helpers/auth.js';
import { apiTokenFor } from '../helpers/knowledge-factories.js';
import { useSearchSuite } from './search-harness.js';
import { DRAFT_TITLE, XSS_TITLE, seedSearchWorld, type SearchWorld } from './page-fixtures.js';

type Agent = ReturnType<TestApp['agent']>;
interface ApiHit {
  type: string;
  title: string;
  titleHtml: string;
  url: string;
  snippet: string;
  status: string;
}
interface FacetValue {
  value: string;
  label: string;
  count: number;
}

interface Operation {
  summary: string;
  parameters: { name: string }[];
  responses: Record<string, { content: Record<string, { schema: object }> }>;
}

const titlesOf = (body: { data: ApiHit[] }) => body.data.map((hit) => hit.title);

describe('search API', () => {
  const suite = useSearchSuite();
  let world: SearchWorld;
  let solok: Agent;

  before(async () => {
    world = await seedSearchWorld(suite.h);
    solok = suite.t.agent();
    await signIn(solok, world.solok.user.email, world.solok.password);
  });

  test('search API – query – data hits with marked snippets and meta with paging and facets', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast' });
    assert.equal(res.status, 200);
    assert.deepEqual(titlesOf(res.body).sort(), [world.titles.podcastBandung, world.titles.podcastSolok].sort());
    const hit = (res.body.data as ApiHit[]).find((h) => h.title === world.titles.podcastSolok);
    assert.equal(hit?.titleHtml, '<mark>Podcast</mark> Kominfo Corner Solok');
    assert.match(hit?.url ?? '', /^\/praktik\/[0-9a-f]{24}$/);
    const { meta } = res.body;
    assert.deepEqual({ page: meta.page, perPage: meta.perPage, total: meta.total, totalPages: meta.totalPages }, { page: 1, perPage: 20, total: 2, totalPages: 1 });
    assert.deepEqual(
      (meta.facets.province as FacetValue[]).map((f) => [f.value, f.count]).sort(),
      [['13', 1], ['32', 1]],
    );
    assert.deepEqual(Object.keys(meta.facets).sort(), ['agency', 'province', 'stage', 'status', 'topic', 'type', 'year']);
  });

  test('search API – repeated and comma-separated filters – narrow the hits the same way', async () => {
    const repeated = await solok.get('/api/v1/search?q=publikasi&type=lesson&type=visit');
    const comma = await solok.get('/api/v1/search?q=publikasi&type=lesson,visit');
    assert.equal(repeated.status, 200);
    assert.ok(repeated.body.data.length > 0);
    assert.ok((repeated.body.data as ApiHit[]).every((hit) => hit.type === 'lesson' || hit.type === 'visit'));
    assert.deepEqual(titlesOf(comma.body), titlesOf(repeated.body));
    const byYear = await solok.get('/api/v1/search').query({ q: 'podcast', year: '2023' });
    assert.deepEqual(titlesOf(byYear.body), [world.titles.podcastBandung]);
  });

  test('search API – sort newest and paging – newest first, perPage respected', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'kalender', type: 'practice', sort: 'newest', perPage: 4, page: 2 });
    assert.equal(res.status, 200);
    assert.equal(res.body.meta.total, world.kalenderCount);
    assert.equal(res.body.meta.totalPages, 2);
    assert.equal(res.body.data.length, world.kalenderCount - 4);
    const all = await solok.get('/api/v1/search').query({ q: 'kalender', type: 'practice', sort: 'newest', perPage: 50 });
    const dates = (all.body.data as Array<{ date: string }>).map((hit) => Date.parse(hit.date));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    // Past the last page: no hit, and meta says which page that was.
    const past = await solok.get('/api/v1/search').query({ q: 'kalender', type: 'practice', perPage: 4, page: 999 });
    assert.deepEqual([past.status, past.body.data.length, past.body.meta.page, past.body.meta.totalPages], [200, 0, 999, 2]);
  });

  test('search API – "studi banding" for a visit – the visit to Padang Panjang first, nothing of Bandung', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'studi banding ke Padang Panjang' });
    assert.equal(res.status, 200);
    const hits = res.body.data as Array<ApiHit & { agencyNames: string[] }>;
    assert.equal(hits[0]?.type, 'visit');
    assert.ok(hits[0].title.includes('Padang Panjang'), hits[0].title);
    assert.ok(!hits.some((hit) => hit.agencyNames.some((name) => name.includes('Bandung'))), JSON.stringify(hits.map((hit) => hit.title)));
  });

  test('search API – a word no record holds – hits without it, meta.missingWords names it', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'contoh sop podcast' });
    assert.equal(res.status, 200);
    assert.ok(titlesOf(res.body).includes(world.titles.podcastSolok));
    assert.deepEqual(res.body.meta.missingWords, ['sop']);
    const whole = await solok.get('/api/v1/search').query({ q: 'podcast' });
    assert.equal('missingWords' in whole.body.meta, false);
    assert.equal('partial' in whole.body.meta, false);
  });

  test('search API – hits holding every word, then records holding fewer (podcast juara) – meta.partialFrom: the index of the first of those', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast juara' });
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.meta.partialFrom, titlesOf(res.body)[0]], [1, world.titles.podcastBandung]);
    assert.equal('partialFrom' in (await solok.get('/api/v1/search').query({ q: 'podcast' })).body.meta, false);
  });

  test('search API – a query naming only a kind (studi banding) – that kind\'s records, meta.kindNamed says so', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'studi banding' });
    assert.equal(res.status, 200);
    assert.equal(res.body.meta.kindNamed, 'visit');
    const hits = res.body.data as ApiHit[];
    assert.ok(hits.length > 0 && hits.every((hit) => hit.type === 'visit'), JSON.stringify(hits.map((hit) => hit.type)));
    const searched = await solok.get('/api/v1/search').query({ q: 'studi banding podcast' });
    assert.equal('kindNamed' in searched.body.meta, false);
    assert.deepEqual((await solok.get('/api/v1/search').query({ q: 'pelajaran 2022' })).body.meta.kindYears, ['2022']);
  });

  test('search API – a span of years in the query (podcast sejak 2022) – records of those years only, meta.yearRange says which', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast sejak 2022' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.meta.yearRange, { from: 2022 });
    assert.deepEqual(titlesOf(res.body), [world.titles.podcastBandung]);
    assert.equal('yearRange' in (await solok.get('/api/v1/search').query({ q: 'podcast sejak 2022' })).body.meta, true);
    assert.equal('yearRange' in (await solok.get('/api/v1/search').query({ q: 'podcast 2022' })).body.meta, false);
  });

  test('search API and page – several years named together (podcast 2021 dan 2023) – the records of any of them, none named missing; meta.years and the page say which', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast 2021 dan 2023' });
    assert.deepEqual(titlesOf(res.body).sort(), [world.titles.podcastBandung, world.titles.podcastSolok].sort());
    assert.deepEqual([res.body.meta.years, res.body.meta.missingWords], [['2021', '2023'], undefined]);
    // A year of no such record is named missing; the others are still listed.
    const absent = (await solok.get('/api/v1/search').query({ q: 'podcast 2021 dan 2030' })).body;
    assert.deepEqual([titlesOf(absent), absent.meta.years, absent.meta.missingWords], [[world.titles.podcastSolok], ['2021'], ['2030']]);
    const page = await solok.get('/cari').query({ q: 'podcast 2021 dan 2023' });
    assert.match(page.text, /<p class="search-years">Hanya catatan tahun 2021, 2023\.<\/p>/);
  });

  test('search API – a span of years no record of the words lies in (podcast sebelum 2001) – the records of other years, the span named missing, no meta.yearRange', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast sebelum 2001' });
    assert.equal(res.status, 200);
    assert.ok(titlesOf(res.body).includes(world.titles.podcastBandung), JSON.stringify(titlesOf(res.body)));
    assert.deepEqual(res.body.meta.missingWords, ['sebelum 2001']);
    assert.equal('yearRange' in res.body.meta, false);
    // Nor does a span help words no record holds: nothing is found, and the span is still said.
    const none = await solok.get('/api/v1/search').query({ q: 'zzqx sebelum 2001' });
    assert.deepEqual([none.body.meta.total, none.body.meta.yearRange], [0, { to: 2000 }]);
  });

  test('search API and page – a word excluded (podcast -bandung) – no record holding it, though it names a place; meta.excluded and the page say so', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast -bandung' });
    assert.equal(res.status, 200);
    assert.deepEqual(titlesOf(res.body), [world.titles.podcastSolok]);
    assert.deepEqual(res.body.meta.excluded, ['bandung']);
    // A typo corrected keeps the exclusion.
    assert.equal((await solok.get('/api/v1/search').query({ q: 'podcst -bandung' })).body.meta.suggestion, 'podcast -bandung');
    const page = await solok.get('/cari').query({ q: 'podcast -"humas bandung"' });
    assert.match(page.text, /<p class="search-excluded">Tanpa catatan yang memuat: “humas bandung”\.<\/p>/);
    assert.ok(!page.text.includes(world.titles.podcastBandung));
    // As it is typed too: the suggestions hold no record with the word.
    const typed = await solok.get('/api/v1/search/suggest').query({ q: 'podcast -bandung ' });
    assert.deepEqual(typed.body.data.map((s: { title: string }) => s.title), [world.titles.podcastSolok]);
    // As other search engines read it: NOT excludes, OR names nothing missing.
    assert.deepEqual(titlesOf((await solok.get('/api/v1/search').query({ q: 'podcast NOT bandung' })).body), [world.titles.podcastSolok]);
    const either = (await solok.get('/api/v1/search').query({ q: 'podcast OR kominfo' })).body;
    assert.deepEqual([either.meta.missingWords, either.meta.excluded], [undefined, undefined]);
  });

  test('search API – a place to leave out in the query (podcast di luar sumbar) – the records of other places only, meta.placesLeftOut names it', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast di luar sumbar' });
    assert.equal(res.status, 200);
    assert.deepEqual(titlesOf(res.body), [world.titles.podcastBandung]);
    assert.deepEqual(res.body.meta.placesLeftOut, { involved: ['Sumatera Barat'], visited: [] });
    assert.equal('placesLeftOut' in (await solok.get('/api/v1/search').query({ q: 'podcast sumbar' })).body.meta, false);
    // In English too.
    assert.deepEqual(titlesOf((await solok.get('/api/v1/search').query({ q: 'podcast outside west sumatra' })).body), [world.titles.podcastBandung]);
  });

  test('search API – a year or a month in the query – the records of that year or month first', async () => {
    for (const [q, first] of [
      ['podcast tahun 2023', world.titles.podcastBandung],
      ['podcast 2021', world.titles.podcastSolok],
      // The month by its Indonesian name: Solok's podcast started in March, Bandung's in June.
      ['podcast juni', world.titles.podcastBandung],
      ['podcast maret', world.titles.podcastSolok],
    ]) {
      const res = await solok.get('/api/v1/search').query({ q });
      assert.equal(titlesOf(res.body)[0], first, q);
    }
  });

  test('search API – bad parameters – 422 JSON naming each field', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'podcast', type: 'secret', year: 'lalu', page: '0', sort: 'random', agency: 'x' });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'validation_failed');
    for (const field of ['type.0', 'year.0', 'page', 'sort', 'agency.0']) assert.ok(field in res.body.error.details, `${field} in ${JSON.stringify(res.body.error.details)}`);
  });

  test('search API – visibility in the request – ignored; another agency’s draft never appears', async () => {
    const res = await solok.get('/api/v1/search').query({ q: 'zamrud', visibility: 'restricted', status: 'draft' });
    assert.equal(res.status, 200);
    assert.equal(res.body.meta.total, 0);
    assert.ok(!titlesOf(res.body).includes(DRAFT_TITLE));
    const facets = await solok.get('/api/v1/search').query({ q: '' });
    assert.ok(!(facets.body.meta.facets.status as FacetValue[]).some((f) => f.value === 'draft'));
    const owner = suite.t.agent();
    await signIn(owner, world.padangPanjang.user.email, world.padangPanjang.password);
    const own = await owner.get('/api/v1/search').query({ q: 'zamrud' });
    assert.deepEqual(titlesOf(own.body), [DRAFT_TITLE]);
  });

  test('search API – Bearer token – accepted without a session', async () => {
    const token = await apiTokenFor(world.bandung.acting);
    const res = await suite.t.agent().get('/api/v1/search').query({ q: 'podcast' }).set('Authorization', `Bearer ${token}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.meta.total, 2);
  });

  test('search API – anonymous – 401 JSON for search and suggestions', async () => {
    for (const url of ['/api/v1/search?q=podcast', '/api/v1/search/suggest?q=podcast']) {
      const res = await suite.t.agent().get(url);
      assert.equal(res.status, 401, url);
      assert.equal(res.body.error.code, 'unauthorized');
    }
  });

  test('suggest API – typed words – up to 6 plain-text titles with type labels; short input gives none', async () => {
    const res = await solok.get('/api/v1/search/suggest').query({ q: 'podc' });
    assert.equal(res.status, 200);
    assert.ok(res.body.data.length >= 1 && res.body.data.length <= 6);
    assert.ok(res.body.data.some((s: { title: string; typeLabel: string }) => s.title === world.titles.podcastSolok && s.typeLabel === 'Praktik baik'));
    const short = await solok.get('/api/v1/search/suggest').query({ q: 'p' });
    assert.deepEqual(short.body, { data: [] });
    // The last word is still being typed: matched as a prefix after an affixed word (kehumasan → humas).
    const typing = await solok.get('/api/v1/search/suggest').query({ q: 'kehumasan bandu' });
    assert.equal(titlesOf(typing.body)[0], world.titles.podcastBandung);
  });

  test('suggest API – the start of a kind\'s name being typed (lessons lea, studi band) – read as the name; English before a word being typed (lesson kehu) read as English', async () => {
    const lessons = await solok.get('/api/v1/search/suggest').query({ q: 'lessons lea' });
    assert.equal(lessons.status, 200);
    assert.ok(titlesOf(lessons.body).includes(world.titles.lesson), JSON.stringify(lessons.body));
    // English being typed: the word before the fragment tells the language.
    const english = await solok.get('/api/v1/search/suggest').query({ q: 'lesson kehu' });
    assert.equal(titlesOf(english.body)[0], world.titles.lesson, JSON.stringify(english.body));
    const visits = await solok.get('/api/v1/search/suggest').query({ q: 'studi band' });
    const suggestions = visits.body.data as { type: string }[];
    assert.ok(suggestions.length > 0 && suggestions.every((s) => s.type === 'visit'), JSON.stringify(suggestions));
  });

  test('suggest API – markup in a title – sent as plain text, which search.js inserts with textContent only', async () => {
    const res = await solok.get('/api/v1/search/suggest').query({ q: 'videotron' });
    assert.match(res.headers['content-type'], /application\/json/);
    const title: string = res.body.data.find((s: { title: string }) => s.title.includes('Videotron')).title;
    assert.ok(!/<mark>/.test(title));
    assert.ok(title.includes('Videotron Balai Kota') && XSS_TITLE.includes('Videotron Balai Kota'));
    const script = fs.readFileSync('views/assets/search.js', 'utf8');
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    assert.match(script, /textContent = suggestion\.title/);
  });

  test('search API – engine down – 503 JSON with code unavailable for search and suggestions', async () => {
    await suite.h.stopEngine();
    try {
      for (const url of ['/api/v1/search?q=podcast', '/api/v1/search/suggest?q=podcast']) {
        const res = await solok.get(url);
        assert.equal(res.status, 503, url);
        assert.equal(res.body.error.code, 'unavailable');
        assert.match(res.body.error.message, /Pencarian sedang tidak tersedia/);
      }
    } finally {
      await suite.h.restartEngine();
    }
    assert.equal((await solok.get('/api/v1/search?q=podcast')).status, 200);
  });

  test('openapi – search routes – every query parameter documented, nothing else', async () => {
    const res = await solok.get('/api/v1/openapi.json');
    const names = (path: string): string[] => (res.body.paths[path].get as Operation).parameters.map((p) => p.name).sort();
    assert.match((res.body.paths['/search'].get as Operation).summary, /Search visits, practices and lessons/);
    assert.deepEqual(names('/search'), Object.keys(searchQuerySchema.shape).sort());
    assert.deepEqual(names('/search/suggest'), Object.keys(suggestQuerySchema.shape).sort());
  });

  test('openapi – search answers – real answers match the documented schema, one without its totals does not', async () => {
    const doc = (await solok.get('/api/v1/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false });
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    ajv.addFormat('date', (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value));
    const schemaOf = (path: string) => (doc.paths[path].get as Operation).responses['200'].content['application/json'].schema;
    const search = ajv.compile(schemaOf('/search'));
    const suggest = ajv.compile(schemaOf('/search/suggest'));
    for (const query of [{ q: 'podcast' }, { q: 'podcst' }, { q: '', sort: 'newest' }, { q: 'podcast', type: 'practice', province: '32' }, { q: 'pelajaran 2022' }, { q: 'videotron kalender' }, { q: 'podcast 2020 sampai 2022' }, { q: 'podcast jawa tengah' }, { q: 'podcast di luar sumbar' }, { q: 'zzqx minggu lalu' }, { q: 'podcast -bandung' }, { q: 'podcast 2021 dan 2023' }]) {
      const body = (await solok.get('/api/v1/search').query(query)).body;
      assert.ok(search(body), `${JSON.stringify(query)}: ${ajv.errorsText(search.errors)}`);
    }
    const lineages = (await solok.get('/api/v1/search').query({ q: 'podcast' })).body.data.map((hit: { lineage?: string[] }) => hit.lineage);
    assert.deepEqual(lineages.filter(Boolean).sort(), [['replica'], ['replicated']], 'the answers checked carry a lineage');
    const others = (await solok.get('/api/v1/search').query({ q: 'videotron kalender' })).body;
    assert.equal(others.withoutFirstWord?.word, 'videotron', 'an answer checked carries the records without the first word');
    assert.equal(others.meta.partial, true, 'an answer checked says no hit holds every word');
    const elsewhere = (await solok.get('/api/v1/search').query({ q: 'podcast jawa tengah' })).body;
    assert.equal(elsewhere.meta.placeAbsent, 'Jawa Tengah', 'an answer checked names a place no hit involves');
    assert.ok((await solok.get('/api/v1/search').query({ q: 'zzqx minggu lalu' })).body.meta.dayRange, 'an answer checked names the days of a week');
    const typo = (await solok.get('/api/v1/search').query({ q: 'podcst' })).body;
    assert.equal(typeof typo.meta.suggestion, 'string', 'a typo query carries the optional suggestion');
    const suggestions = (await solok.get('/api/v1/search/suggest').query({ q: 'podc' })).body;
    assert.ok(suggestions.data.length > 0);
    assert.ok(suggest(suggestions), ajv.errorsText(suggest.errors));
    const broken = (await solok.get('/api/v1/search').query({ q: 'podcast' })).body;
    delete broken.meta.total;
    assert.equal(search(broken), false);
  });
});
