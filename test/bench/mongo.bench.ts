/**
 * Benchmark of the embedded MongoDB engine (npm run bench:mongo). The engine runs as its own
 * process (the CLI through tsx); this script drives it through mongoose like the app does and
 * prints the figures next to the targets of issue 2.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';

const CLI = fileURLToPath(new URL('../../src/embedded/mongo/cli.ts', import.meta.url));
const TOTAL_DOCS = 100_000;
const BATCH = 10_000;
const CALLERS = 8;

function startEngine(dbPath: string): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--dbpath', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /ready (\S+)/.exec(out);
      if (match) resolve({ child, uri: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`engine exited with ${code}`)));
  });
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** CPU time (user + system) the process has used, in ms: what the engine costs per operation
 * regardless of how busy the machine is. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100/s)
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `total` calls of `fn` spread over `callers` concurrent loops; returns calls per second. */
async function throughput(total: number, callers: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < total) await fn(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

async function latencies(count: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const WORDS = 'studi tiru diskominfo bappeda inovasi daerah pelayanan publik informasi komunikasi praktik baik replikasi kunjungan pelajaran'.split(' ');
function paragraph(seed: number, length: number): string {
  let s = '';
  for (let i = 0; s.length < length; i++) s += WORDS[(seed * 31 + i * 7) % WORDS.length] + ' ';
  return s.slice(0, length);
}

async function main(): Promise<void> {
  const dbPath = fs.mkdtempSync(path.join(os.tmpdir(), 'mongo-bench-'));
  const { child, uri } = await startEngine(dbPath);
  try {
    await mongoose.connect(`${uri}bench`, { maxPoolSize: 10 });
    const Visit = mongoose.model(
      'Visit',
      new mongoose.Schema({ code: { type: String, index: true }, agency: String, title: String, body: String, n: Number, on: Date }),
    );
    const Note = mongoose.model('Note', new mongoose.Schema({ title: String, n: Number }));
    await Visit.init();
    await Note.init();
    const admin = mongoose.connection.db!.admin();

    const pid = child.pid!;
    const perOp = async <T>(ops: number, run: () => Promise<T>): Promise<{ result: T; cpu: string }> => {
      const before = cpuMs(pid);
      const result = await run();
      return { result, cpu: `${((cpuMs(pid) - before) / ops).toFixed(3)} ms` };
    };
    const ping = await perOp(2000, () => latencies(2000, () => admin.command({ ping: 1 })));
    const creates = await perOp(5000, () => throughput(5000, CALLERS, (i) => Note.create({ title: `catatan ${i}`, n: i })));
    const ids = (await Note.find({}, { _id: 1 }).lean()).map((d) => d._id);
    const findByIds = await perOp(10_000, () => throughput(10_000, CALLERS, (i) => Note.findById(ids[i % ids.length]).lean()));

    const doc = (i: number) => ({ code: `c-${i}`, agency: `Diskominfo ${i % 500}`, title: paragraph(i, 60), body: paragraph(i + 1, 850), n: i, on: new Date(1650000000000 + i * 1000) });
    const t0 = performance.now();
    await Visit.insertMany(Array.from({ length: BATCH }, (_, i) => doc(i)));
    const insertManyMs = performance.now() - t0;
    for (let start = BATCH; start < TOTAL_DOCS; start += BATCH) {
      await Visit.collection.insertMany(Array.from({ length: BATCH }, (_, i) => doc(start + i)));
    }
    const query = await perOp(2000, () => latencies(2000, (i) => Visit.find({ code: `c-${(i * 7919) % TOTAL_DOCS}` }).lean()));
    const stats = await mongoose.connection.db!.command({ dbStats: 1 });
    const dataMb = stats.dataSize / 1048576;
    const rssMb = peakRssMb(pid);
    const ms = (sorted: number[]) => `${percentile(sorted, 50).toFixed(3)} / ${percentile(sorted, 95).toFixed(3)} ms`;

    const rows: string[][] = [
      ['measure', 'result', 'engine CPU per op', 'target'],
      ['driver ping round trip (p50 / p95)', ms(ping.result), ping.cpu, 'floor'],
      [`Model.create, ${CALLERS} concurrent callers`, `${Math.round(creates.result)} /s`, creates.cpu, '>= 2,000 /s'],
      [`findById, ${CALLERS} concurrent callers`, `${Math.round(findByIds.result)} /s`, findByIds.cpu, '>= 3,000 /s'],
      [`indexed equality find at ${TOTAL_DOCS / 1000}k docs (p50 / p95)`, ms(query.result), query.cpu, 'p95 <= 2 ms'],
      [`Model.insertMany of ${BATCH / 1000}k`, `${Math.round(insertManyMs)} ms (${Math.round(BATCH / (insertManyMs / 1000))} docs/s)`, '-', '-'],
      [`engine peak RSS at ${TOTAL_DOCS / 1000}k docs`, `${rssMb.toFixed(0)} MB = ${(rssMb / dataMb).toFixed(2)}x raw data (${dataMb.toFixed(0)} MB)`, '-', '<= 3x raw data'],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
    process.stdout.write(`\nembedded mongo benchmark (node ${process.version}, ${os.cpus().length} cores, load average ${load})\n`);
    for (const row of rows) process.stdout.write(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |\n`);
  } finally {
    await mongoose.disconnect();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dbPath, { recursive: true, force: true });
  }
}

await main();
