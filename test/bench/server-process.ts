/**
 * The real server (src/server.ts) as a child process for the benchmarks, in production mode on
 * engines already running: its log goes to a file (drained as a log collector would), and the
 * start resolves once every app process of the cluster is listening.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface ServerProcess {
  url: string;
  processes: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServerProcess(options: { dataDir: string; processes: number; env: Record<string, string> }): Promise<ServerProcess> {
  const port = await freePort();
  const logFile = path.join(options.dataDir, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH, HOME, NODE_ENV: 'production', LOG_LEVEL: 'info', DATA_DIR: options.dataDir, PORT: String(port), WEB_CONCURRENCY: String(options.processes), ...options.env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listening = fs.readFileSync(logFile, 'utf8').split('\n').filter((line) => line.includes('"msg":"Studi Tiru is listening"')).length;
    if (listening >= options.processes) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    processes: options.processes,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
