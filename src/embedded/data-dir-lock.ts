/**
 * One engine per data directory: two engines appending to the same journal would corrupt it. Both
 * embedded engines take this lock, each under its own file name. The lock file holds the owner's
 * pid and is created atomically, so two engines starting at once cannot both take it; a lock left
 * by a process that no longer runs (kill -9) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Lock files taken by this process: its pid in the file cannot tell a second engine here from the first. */
const heldInThisProcess = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws; returns the function that releases it. */
export function lockDataDirectory(dbPath: string, fileName: string): () => void {
  const file = path.join(path.resolve(dbPath), fileName);
  if (heldInThisProcess.has(file)) throw new Error(`the data directory ${dbPath} is already open in this process (${file})`);
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      throw new Error(`the data directory ${dbPath} is in use by process ${owner} (lock file ${file})`);
    }
    // A stale lock: its owner is gone.
    fs.writeFileSync(file, String(process.pid));
  }
  heldInThisProcess.add(file);
  return () => {
    heldInThisProcess.delete(file);
    fs.rmSync(file, { force: true });
  };
}
