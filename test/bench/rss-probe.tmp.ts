import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { MongoClient } from 'mongodb';
const dir = fs.mkdtempSync('/tmp/rssprobe-');
const child = spawn(process.execPath, [...(process.env.NODEFLAGS ? process.env.NODEFLAGS.split(' ') : []), '--import', 'tsx', '/work/main/src/embedded/mongo/cli.ts', '--port', '0', '--dbpath', dir], { stdio: ['ignore', 'pipe', 'inherit'], cwd: '/work/main' });
const uri: string = await new Promise((r) => child.stdout!.on('data', (c) => { const m = /ready (\S+)/.exec(String(c)); if (m) r(m[1]); }));
const c = await new MongoClient(uri).connect();
const coll = c.db('b').collection('v');
await coll.createIndex({ code: 1 });
const W = 'studi tiru diskominfo bappeda inovasi daerah pelayanan publik'.split(' ');
const para = (seed: number, n: number) => { let s = ''; for (let i = 0; s.length < n; i++) s += W[(seed * 31 + i * 7) % W.length] + ' '; return s.slice(0, n); };
for (let s = 0; s < 100000; s += 10000) await coll.insertMany(Array.from({ length: 10000 }, (_, i) => ({ code: `c-${s + i}`, agency: `Diskominfo ${i % 500}`, title: para(i, 60), body: para(i + 1, 850), n: s + i, on: new Date() })));

console.log((await c.db('admin').command({ serverStatus: 1 })).mem);
const st = await c.db('b').command({ dbStats: 1 });
const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024, rss = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
console.log(`data ${(st.dataSize / 1048576).toFixed(0)} MB, HWM ${hwm.toFixed(0)} MB (${(hwm / (st.dataSize / 1048576)).toFixed(2)}x), RSS now ${rss.toFixed(0)}`);
await c.close(); child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); fs.rmSync(dir, { recursive: true });
