/**
 * One process per data directory: two engines appending to the same journal would corrupt it. The
 * lock file holds the owner's pid; a lock left by a process that no longer runs (kill -9) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws; returns the function that releases it. */
export function lockDataDirectory(dbPath: string): () => void {
  const file = path.join(dbPath, 'LOCK');
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      throw new Error(`the data directory ${dbPath} is in use by process ${owner}`);
    }
    fs.writeFileSync(file, String(process.pid));
  }
  return () => fs.rmSync(file, { force: true });
}
