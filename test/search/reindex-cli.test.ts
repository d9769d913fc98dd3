import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import { searchKnowledge } from '../../src/search/search.service.js';
import { createTestPractice } from '../helpers/practice-factories.js';
import { useSearchSuite } from './search-harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface CliResult {
  code: number;
  stderr: string;
}

function reindex(env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/search/reindex-cli.ts'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', ...env }, timeout: 60_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
    });
  });
}

/** A local port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm run reindex', () => {
  const suite = useSearchSuite();
  const databaseUri = () => `mongodb://${mongoose.connection.host}:${mongoose.connection.port}/${mongoose.connection.name}`;

  test('reindex – the engines of MONGODB_URI and MEILI_HOST – every record indexed, the progress bar at 100 %', async () => {
    const practice = await createTestPractice(suite.staff.acting, { name: 'Radio Nagari Dibangun Ulang' });
    const result = await reindex({ MONGODB_URI: databaseUri(), MEILI_HOST: suite.h.client.config.host, MEILI_MASTER_KEY: String(suite.h.client.config.apiKey) });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /reindex \[#+\] 100% 1\/1/);
    assert.match(result.stderr, /reindexed 1 records in \d+\.\d s/);
    const found = await searchKnowledge(suite.staff.acting, { q: 'radio nagari dibangun ulang' });
    assert.deepEqual(found.hits.map((hit) => hit.id), [practice.id]);
  });

  test('reindex – the search engine unreachable – exit 1, saying why', async () => {
    const result = await reindex({ MONGODB_URI: databaseUri(), MEILI_HOST: `http://127.0.0.1:${await closedPort()}`, MEILI_MASTER_KEY: 'any-key-will-do-here' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /reindex failed: Request to http:\/\/127\.0\.0\.1:\d+\/\S+ has failed: .*ECONNREFUSED/);
  });
});
