/**
 * Benchmark of the search page and search API (not a test): `npm run bench:search-page [-- --records N
 * --seconds S --corpus domain|demo-topics]`. Starts the embedded engines on a temp dir as `npm start`
 * does (each in its own child process), seeds N knowledge records (default 100,000: 60 % practices,
 * 30 % lessons, 10 % visits; words as corpus-text.ts draws them, default the dense `domain` corpus)
 * with the MongoDB driver, indexes them through the search room's reindex, runs the real server
 * (src/server.ts in production mode, one app process per core, request logs at info into a file)
 * and a plain Express hello-world, then drives each with autocannon (20
 * connections, S seconds, a signed-in session cookie; 60 s request timeout, so slow answers are
 * measured, not dropped) from a worker thread, after a 10 s warm-up that is not measured. Two workloads: popular (16 queries in rotation, which
 * the engine's result cache answers from their third time on) and long tail (no query asked twice, so
 * every request is ranked afresh). Prints sequential medians, then p50/p95/p99 against the targets.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose from 'mongoose';
import { loadConfig } from '../../src/config.js';
import { startEngines } from '../../src/db/engines.js';
import { createLogger } from '../../src/http/logger.js';
import { UserModel, toActingUser } from '../../src/modules/users/user.model.js';
import { createSearchClient } from '../../src/search/client.js';
import { reindexKnowledge } from '../../src/search/reindex.js';
import { searchQuerySchema, toSearchParams } from '../../src/search/search.schemas.js';
import { searchKnowledge } from '../../src/search/search.service.js';
import { configureSearch } from '../../src/search/search-context.js';
import { CORPUS_KINDS, type CorpusKind } from './corpus-text.js';
import { longTailQueries, seedKnowledgeCorpus, type SeededUser } from './knowledge-corpus.js';
import { cpuByRole } from './process-cpu.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function corpusOption(): CorpusKind {
  const at = process.argv.indexOf('--corpus');
  const value = at >= 0 ? process.argv[at + 1] : 'domain';
  if (!CORPUS_KINDS.includes(value as CorpusKind)) throw new Error(`--corpus must be one of ${CORPUS_KINDS.join(', ')}`);
  return value as CorpusKind;
}

const RECORDS = option('records', 100_000);
const CORPUS = corpusOption();
const SECONDS = option('seconds', 15);
const CONNECTIONS = 20;
const WARM_UP_SECONDS = 10;
const TARGETS = { api: 80, page: 120 };
/** More different queries than a long-tail run can send. */
const LONG_TAIL = 20_000;

/** What the queries ask: words of the corpus, acronyms, a typo, filters, sort and a second page. */
const QUERIES = [
  'q=podcast+humas', 'q=ppid', 'q=diskominfo+sumatera+barat', 'q=siaran+mingguan', 'q=publikasi', 'q=pelayanan+publik',
  'q=medsos', 'q=inovasi+daerah', 'q=videotrn', 'q=majalah+konten', 'q=spbe&type=practice', 'q=berita&province=13',
  'q=pengaduan&sort=newest', 'q=literasi+digital&page=2', 'q=kim&topic=kim', 'q=stunting+posyandu&year=2022',
];

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]);
}

/** Signs in through the real form; returns the Cookie header of the session. */
async function signIn(base: string, user: SeededUser): Promise<string> {
  const page = await fetch(`${base}/masuk`);
  const jar = cookiesOf(page);
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const res = await fetch(`${base}/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ _csrf: token, email: user.email, password: user.password }),
  });
  if (res.status !== 303) throw new Error(`bench sign-in failed: ${res.status}`);
  const names = new Map([...jar, ...cookiesOf(res)].map((c) => [c.split('=')[0], c]));
  return [...names.values()].join('; ');
}

/**
 * autocannon in a worker thread, so the load generator does not share the app's event loop. The
 * paths are handed out in turn across all connections, so a list longer than the run never repeats.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require('autocannon');
const latencies = [];
let next = 0;
const instance = autocannon({ url: workerData.url, connections: workerData.connections, duration: workerData.seconds, timeout: 60,
  headers: workerData.headers, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: workerData.paths[next++ % workerData.paths.length] }) }] }, (err, result) => {
  if (err) throw err;
  parentPort.postMessage({ latencies, requests: latencies.length, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts });
});
instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
`;

interface LoadResult {
  latencies: number[];
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** The processes whose CPU each route's table row splits: the server's app processes and the two engines. */
const ROLES = { app: /src\/server\.ts|dist\/server\.js/, search: /embedded\/search\/cli/, mongo: /embedded\/mongo\/cli/ };

interface MeasuredLoad extends LoadResult {
  /** CPU ms during the run per role, and `bench` for this process (load generator, hello-world); null without /proc. */
  cpu: Record<string, number> | null;
}

async function measuredLoad(url: string, paths: string[], headers: Record<string, string>): Promise<MeasuredLoad> {
  const before = cpuByRole(ROLES);
  const own = process.cpuUsage();
  const result = await load(url, paths, headers);
  const after = cpuByRole(ROLES);
  const { user, system } = process.cpuUsage(own);
  const cpu = before && after ? { ...Object.fromEntries(Object.keys(ROLES).map((role) => [role, after[role] - before[role]])), bench: (user + system) / 1000 } : null;
  return { ...result, cpu };
}

function load(url: string, paths: string[], headers: Record<string, string>, seconds = SECONDS): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { url, paths, headers, connections: CONNECTIONS, seconds } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const ms = (value: number) => value.toFixed(1);
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** One request at a time (no queueing): where a request's time goes, service call vs full HTTP. */
async function sequentialBreakdown(appUrl: string, headers: Record<string, string>, email: string): Promise<void> {
  const actor = toActingUser(await UserModel.findOne({ email }).orFail());
  const timings = { service: [] as number[], api: [] as number[], page: [] as number[] };
  const time = async (list: number[], run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    list.push(performance.now() - start);
  };
  const perQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  for (let round = 0; round < 3; round += 1) {
    for (const q of QUERIES) {
      const params = toSearchParams(searchQuerySchema.parse(Object.fromEntries(new URLSearchParams(q))));
      await time(timings.service, () => searchKnowledge(actor, params));
      perQuery.get(q)?.push(timings.service[timings.service.length - 1]);
      await time(timings.api, () => fetch(`${appUrl}/api/v1/search?${q}`, { headers }).then((r) => r.text()));
      await time(timings.page, () => fetch(`${appUrl}/cari?${q}`, { headers }).then((r) => r.text()));
    }
  }
  console.log(`sequential medians (one request at a time): searchKnowledge ${ms(median(timings.service))} ms, API ${ms(median(timings.api))} ms, page ${ms(median(timings.page))} ms`);
  const slowest = [...perQuery].map(([q, list]) => [q, median(list)] as const).sort((a, b) => b[1] - a[1]).slice(0, 4);
  console.log(`slowest queries (searchKnowledge median): ${slowest.map(([q, t]) => `${q} ${ms(t)} ms`).join('; ')}`);
}

/**
 * Where each route's CPU went: ms per request by process and in all, and how many cores were busy on
 * average. The sum follows the host's speed at the time (every process's CPU per request rises and
 * falls together), and under load the p95 follows the sum.
 */
function printCpuSplit(rows: Array<[string, MeasuredLoad, number | null]>): void {
  if (rows.some(([, result]) => result.cpu === null)) return;
  console.log('\nCPU per request by process (ms, from /proc), and cores busy on average:');
  console.log('| route | app processes | search engine | MongoDB engine | bench (load generator, hello-world) | all | cores busy |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, { cpu, requests }] of rows) {
    const { app, search, mongo, bench } = cpu as Record<string, number>;
    const perRequest = (value: number) => (value / Math.max(1, requests)).toFixed(2);
    const all = app + search + mongo + bench;
    console.log(`| ${name} | ${perRequest(app)} | ${perRequest(search)} | ${perRequest(mongo)} | ${perRequest(bench)} | ${perRequest(all)} | ${(all / (SECONDS * 1000)).toFixed(2)} |`);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'studitiru-bench-page-'));
  const loaded = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', SESSION_SECRET: randomBytes(32).toString('hex') });
  const config = { ...loaded, sessionSecret: loaded.sessionSecret as string };
  const logger = createLogger('silent');
  // The engines as `npm start` runs them: each in its own child process.
  const engines = await startEngines(config, logger);
  let server: ServerProcess | undefined;
  let helloServer: http.Server | undefined;
  try {
    await mongoose.connect(engines.mongodbUri);
    const client = createSearchClient({ host: engines.searchHost, apiKey: engines.searchApiKey });
    configureSearch(client);

    let started = Date.now();
    const user = await seedKnowledgeCorpus(RECORDS, CORPUS);
    console.log(`seeded ${RECORDS.toLocaleString('en')} records (${CORPUS} corpus) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    let shown = 0;
    const { indexed } = await reindexKnowledge({
      client,
      batchSize: 2_000,
      onProgress: (done, total) => {
        if (done - shown >= total / 10 || done === total) process.stdout.write(`\rindexing ${done}/${total}`);
        if (done - shown >= total / 10) shown = done;
      },
    });
    console.log(`\nindexed ${indexed.toLocaleString('en')} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The server as shipped: NODE_ENV=production, request logs at info, WEB_CONCURRENCY app processes (default: one per core).
    server = await startServerProcess({
      dataDir: dir,
      processes: loadConfig({ WEB_CONCURRENCY: process.env.WEB_CONCURRENCY }).webConcurrency,
      env: { MONGODB_URI: engines.mongodbUri, MEILI_HOST: engines.searchHost, MEILI_MASTER_KEY: engines.searchApiKey ?? '', SESSION_SECRET: config.sessionSecret },
    });
    const appUrl = server.url;
    const hello = express();
    hello.get('/hello', (_req, res) => {
      res.send('Hello World!');
    });
    helloServer = http.createServer(hello);
    const helloUrl = await listen(helloServer);
    const headers = { cookie: await signIn(appUrl, user) };

    await sequentialBreakdown(appUrl, headers, user.email);
    // Not measured: the app processes' code gets compiled by the JIT under load (the first seconds cost
    // about 1.5× the CPU per request of the seconds after), as in a server that has been running. The long-tail
    // queries of the warm-up are none of those measured below.
    const warmTail = longTailQueries(LONG_TAIL * 3, CORPUS).slice(LONG_TAIL * 2, LONG_TAIL * 2 + 2_000);
    await load(appUrl, [...QUERIES, ...warmTail].flatMap((q) => [`/api/v1/search?${q}`, `/cari?${q}`]), headers, WARM_UP_SECONDS);
    const rows: Array<[string, MeasuredLoad, number | null]> = [];
    rows.push(['hello-world (Express)', await measuredLoad(helloUrl, ['/hello'], {}), null]);
    rows.push(['search API  /api/v1/search, popular', await measuredLoad(appUrl, QUERIES.map((q) => `/api/v1/search?${q}`), headers), TARGETS.api]);
    rows.push(['search page /cari, popular', await measuredLoad(appUrl, QUERIES.map((q) => `/cari?${q}`), headers), TARGETS.page]);
    // Every request a query not asked before: no result cache can answer, the engine ranks each one.
    const [apiTail, pageTail] = [longTailQueries(LONG_TAIL, CORPUS), longTailQueries(LONG_TAIL * 2, CORPUS).slice(LONG_TAIL)];
    rows.push(['search API  /api/v1/search, long tail', await measuredLoad(appUrl, apiTail.map((q) => `/api/v1/search?${q}`), headers), TARGETS.api]);
    rows.push(['search page /cari, long tail', await measuredLoad(appUrl, pageTail.map((q) => `/cari?${q}`), headers), TARGETS.page]);

    const helloP95 = percentile([...rows[0][1].latencies].sort((a, b) => a - b), 95);
    console.log(`\n${RECORDS.toLocaleString('en')} records (${CORPUS} corpus), ${server.processes} app processes, ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up, ${SECONDS} s per route, popular: ${QUERIES.length} queries in rotation, long tail: no query asked twice, ${os.cpus().length} CPUs`);
    console.log('| route | requests | req/s | p50 ms | p95 ms | p99 ms | p95 / hello p95 | non-2xx+errors | target p95 | verdict |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const [name, result, target] of rows) {
      const sorted = [...result.latencies].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      const verdict = target === null ? '' : p95 <= target && result.non2xx + result.errors === 0 ? 'meets' : 'MISSES';
      console.log(
        `| ${name} | ${result.requests} | ${(result.requests / SECONDS).toFixed(0)} | ${ms(percentile(sorted, 50))} | ${ms(p95)} | ${ms(percentile(sorted, 99))} | ${(p95 / helloP95).toFixed(1)}× | ${result.non2xx + result.errors + result.timeouts} | ${target === null ? '—' : `≤ ${target}`} | ${verdict} |`,
      );
    }
    printCpuSplit(rows);
  } finally {
    await server?.stop();
    await new Promise((resolve) => (helloServer ? helloServer.close(resolve) : resolve(undefined)));
    await mongoose.disconnect();
    await engines.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
