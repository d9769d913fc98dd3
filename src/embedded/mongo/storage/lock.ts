/**
 * mongod.lock in dbPath holds the owner's pid, so two engines never open the same data. A lock
 * left by a process that no longer runs (kill -9) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

const heldInThisProcess = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(dbPath: string): () => void {
  const file = path.join(path.resolve(dbPath), 'mongod.lock');
  if (heldInThisProcess.has(file)) throw new Error(`${dbPath} is already open in this process (${file})`);
  const owner = Number.parseInt(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', 10);
  if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
    throw new Error(`${dbPath} is in use by another engine (pid ${owner}, lock file ${file})`);
  }
  fs.writeFileSync(file, String(process.pid));
  heldInThisProcess.add(file);
  return () => {
    heldInThisProcess.delete(file);
    fs.rmSync(file, { force: true });
  };
}
