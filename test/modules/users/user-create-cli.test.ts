import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { verifyPassword } from '../../../src/auth/password.js';
import { UserModel } from '../../../src/modules/users/user.model.js';
import { createAgency } from '../../helpers/factories.js';
import { startTestDatabase, type TestDatabase } from '../test-database.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function userCreate(uri: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, MONGODB_URI: uri, NODE_ENV: 'test' };
    execFile(process.execPath, ['--import', 'tsx', 'src/auth/user-create-cli.ts', ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run user:create', () => {
  let db: TestDatabase;
  before(async () => {
    db = await startTestDatabase();
    await createAgency({ shortName: 'Diskominfo Kota Padang Panjang', name: 'Dinas Komunikasi dan Informatika Kota Padang Panjang', regionCode: '13.74' });
  });
  after(async () => {
    await db.stop();
  });

  test('user:create – admin without --password – created, generated password printed once and valid', async () => {
    const result = await userCreate(db.uri, ['--email', 'Admin@PadangPanjang.example', '--name', 'Budiono, S.Sos.', '--role', 'admin', '--agency', 'diskominfo kota padang panjang']);
    assert.equal(result.code, 0, result.stderr);
    const password = /Password \(shown only now\): (\S+)/.exec(result.stdout)?.[1];
    assert.ok(password, result.stdout);
    const stored = await UserModel.findOne({ email: 'admin@padangpanjang.example' }).orFail();
    assert.equal(stored.role, 'admin');
    assert.equal(await verifyPassword(stored.passwordHash, password), true);
  });

  test('user:create – given --password – used as is and not printed', async () => {
    const password = 'Serambi-Mekkah-Sepekan-68';
    const result = await userCreate(db.uri, ['--email', 'head@padangpanjang.example', '--name', 'Arfisy', '--role', 'head', '--agency', 'Diskominfo Kota Padang Panjang', '--password', password]);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, new RegExp(password));
    const stored = await UserModel.findOne({ email: 'head@padangpanjang.example' }).orFail();
    assert.equal(await verifyPassword(stored.passwordHash, password), true);
  });

  test('user:create – invalid role, unknown agency, missing options – exit 1 with a clear message, nothing stored', async () => {
    const badRole = await userCreate(db.uri, ['--email', 'x@uji.example', '--name', 'Xena', '--role', 'raja', '--agency', 'Diskominfo Kota Padang Panjang']);
    assert.equal(badRole.code, 1);
    assert.match(badRole.stderr, /--role:/);
    const noAgency = await userCreate(db.uri, ['--email', 'x@uji.example', '--name', 'Xena', '--role', 'staff', '--agency', 'Tidak Ada']);
    assert.equal(noAgency.code, 1);
    assert.match(noAgency.stderr, /No agency matches "Tidak Ada"/);
    const missing = await userCreate(db.uri, ['--email', 'x@uji.example']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Missing --name, --role, --agency/);
    assert.equal(await UserModel.countDocuments({ email: 'x@uji.example' }), 0);
  });
});
