/**
 * Runs an embedded engine's CLI in a child process, as the real servers run beside the app: the
 * engine gets its own core and heap, so a search over 100k records does not stall the app's event
 * loop or its garbage collector. The child prints `ready <url>` once serving; it has its own
 * process group (a Ctrl+C on the terminal reaches only the app, which stops the engines after its
 * in-flight requests) and exits by itself when the app dies (the IPC channel closes).
 */
import { fork, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import type { Logger } from 'pino';

export interface EngineProcess {
  url: string;
  pid: number;
  /** SIGTERM, then waits for the engine to sync its journal and exit. */
  stop(): Promise<void>;
}

export interface EngineProcessOptions {
  name: string;
  /** The CLI module (TypeScript under tsx, as the app itself runs). */
  cli: URL;
  args: string[];
  env?: Record<string, string>;
  logger: Logger;
  /** How long the engine may take to load its data before the start counts as failed. */
  startTimeoutMs?: number;
}

const DEFAULT_START_TIMEOUT_MS = 120_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess> {
  const { name, logger } = options;
  const child = fork(options.cli, options.args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...options.env },
  });
  const stderr = readline.createInterface({ input: child.stderr as NodeJS.ReadableStream });
  const lastErrors: string[] = [];
  stderr.on('line', (line) => {
    lastErrors.push(line);
    if (lastErrors.length > 5) lastErrors.shift();
    logger.warn({ engine: name }, line);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };

  return new Promise((resolve, reject) => {
    const stdout = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => {
      fail(new Error(`${name} engine did not start within ${(options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS) / 1000} s`));
      child.kill('SIGKILL');
    }, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    const onExit = (code: number | null) => fail(new Error(`${name} engine exited (code ${code}) before it was ready${lastErrors.length ? `: ${lastErrors.join(' | ')}` : ''}`));
    function fail(err: Error): void {
      clearTimeout(timer);
      child.off('exit', onExit);
      reject(err);
    }
    child.once('exit', onExit);
    child.once('error', (err) => fail(err));
    stdout.on('line', (line) => {
      const ready = /^ready (\S+)$/.exec(line);
      if (!ready) {
        logger.info({ engine: name }, line);
        return;
      }
      clearTimeout(timer);
      child.off('exit', onExit);
      child.on('exit', (code, signal) => {
        if (code !== 0) logger.error({ engine: name, code, signal }, 'embedded engine stopped unexpectedly');
      });
      resolve({ url: ready[1], pid: child.pid as number, stop });
    });
  });
}
