import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { EMBEDDED_DATABASE_NAME } from '../src/db/engines.js';
import { verifyPassword } from '../src/auth/password.js';
import { startEmbeddedMongo } from '../src/embedded/mongo/index.js';
import { AgencyModel } from '../src/modules/agencies/agency.model.js';
import { UserModel } from '../src/modules/users/user.model.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs `npm run seed`'s script against the embedded engine in dataDir. */
async function seed(dataDir: string): Promise<string> {
  const env = { ...process.env, DATA_DIR: dataDir, MONGODB_URI: '', MEILI_HOST: '', NODE_ENV: 'test' };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'seeds/run.ts'], { cwd: ROOT, env, timeout: 120_000 });
  return stdout;
}

function counts(stdout: string): string {
  const match = /(\d+) wilayah, (\d+) instansi .*?, (\d+) pengguna/.exec(stdout);
  assert.ok(match, `no counts in:\n${stdout}`);
  return `${match[1]}/${match[2]}/${match[3]}`;
}

/** Rows "email  password  role ..." of the credential table. */
function credentials(stdout: string): Map<string, string> {
  const rows = [...stdout.matchAll(/^(\S+@\S+)\s+(\S+)\s+(staff|planner|head|admin)\s/gm)];
  return new Map(rows.map((m) => [m[1], m[2]]));
}

describe('npm run seed', () => {
  let dataDir: string;
  let first: string;
  let second: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'studitiru-seed-'));
    first = await seed(dataDir);
    second = await seed(dataDir);
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('seed – run twice on the same data – same counts, regions and agencies of Sumatera Barat present', () => {
    assert.equal(counts(first), counts(second));
    const [regions, agencies, users] = counts(first).split('/').map(Number);
    assert.ok(regions >= 500, `all kabupaten/kota of Indonesia, got ${regions}`);
    assert.ok(agencies >= 21, `19 Sumatera Barat kabupaten/kota + province + others, got ${agencies}`);
    assert.equal(users, 10);
  });

  test('seed – first run prints one password per new demo user, second run prints none', () => {
    const created = credentials(first);
    assert.equal(created.size, 10);
    assert.equal(credentials(second).size, 0);
  });

  test('seed – stored data – names from reference data, existing users keep the first run password', async () => {
    const engine = await startEmbeddedMongo({ dbPath: path.join(dataDir, 'mongo'), port: 0 });
    try {
      await mongoose.connect(`${engine.uri.replace(/\/$/, '')}/${EMBEDDED_DATABASE_NAME}`);
      const sumbar = await AgencyModel.find({ provinceCode: '13', level: { $in: ['kabupaten', 'kota'] }, shortName: /^Diskominfo / }).lean();
      assert.equal(sumbar.length, 19, 'one Diskominfo per kabupaten/kota of Sumatera Barat');
      assert.equal(new Set(sumbar.map((a) => a.regionCode)).size, 19);
      const solok = await AgencyModel.findOne({ regionCode: '13.72' }).lean();
      assert.equal(solok?.shortName, 'Diskominfo Kota Solok');
      assert.equal(solok?.regencyName, 'Kota Solok');
      assert.equal(solok?.provinceName, 'Sumatera Barat');
      const [email, password] = [...credentials(first)][0];
      const user = await UserModel.findOne({ email }).orFail();
      assert.equal(await verifyPassword(user.passwordHash, password), true);
      assert.equal(await UserModel.countDocuments({ role: 'admin' }), 1);
    } finally {
      await mongoose.disconnect();
      await engine.stop();
    }
  });
});
