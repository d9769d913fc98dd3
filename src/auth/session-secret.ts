/**
 * Outside production SESSION_SECRET may be omitted: a random secret is generated once and kept in
 * DATA_DIR/session-secret (mode 600), so sessions survive restarts without any setup.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';

export async function ensureSessionSecret(config: Readonly<Config>): Promise<Readonly<Config>> {
  if (config.sessionSecret) return config;
  const file = path.join(config.dataDir, 'session-secret');
  let secret: string;
  try {
    secret = (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    secret = randomBytes(48).toString('base64url');
    await fs.mkdir(config.dataDir, { recursive: true });
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(async (writeErr: NodeJS.ErrnoException) => {
      // Another process created it first: use theirs.
      if (writeErr.code !== 'EEXIST') throw writeErr;
      secret = (await fs.readFile(file, 'utf8')).trim();
    });
  }
  return Object.freeze({ ...config, sessionSecret: secret });
}
