/**
 * `npm run embedded:search -- --port 7700 --db-path ./data/search --master-key <key>`
 * Runs in the foreground, prints `ready http://127.0.0.1:<port>` once serving, stops cleanly on SIGINT/SIGTERM,
 * and, when started by the app (src/db/engine-process.ts), also when the app's IPC channel closes.
 * The key may come from MEILI_MASTER_KEY instead, which keeps it out of the process list.
 */
import { parseArgs } from 'node:util';
import { startEmbeddedSearch } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '7700' },
    'db-path': { type: 'string', default: './data/search' },
    'master-key': { type: 'string' },
    'payload-limit': { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`invalid --port ${values.port}\n`);
  process.exit(2);
}
const payloadLimit = values['payload-limit'] === undefined ? undefined : Number(values['payload-limit']);
if (payloadLimit !== undefined && !(Number.isInteger(payloadLimit) && payloadLimit > 0)) {
  process.stderr.write(`invalid --payload-limit ${values['payload-limit']}\n`);
  process.exit(2);
}

const engine = await startEmbeddedSearch({ port, dbPath: values['db-path'], masterKey: values['master-key'] ?? process.env.MEILI_MASTER_KEY ?? null, payloadLimit }).catch((err: unknown) => {
  process.stderr.write(`embedded search: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
process.stdout.write(`ready ${engine.url}\n`);

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  engine.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`embedded search: stop after ${signal} failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('disconnect', () => shutdown('disconnect'));
