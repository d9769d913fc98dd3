/**
 * `npm run embedded:mongo -- --port 27017 --dbpath ./data/mongo`: runs the engine in the
 * foreground, prints `ready mongodb://127.0.0.1:<port>/` once it accepts connections, and shuts
 * down cleanly (journal synced) on SIGINT/SIGTERM, and, when started by the app
 * (src/db/engine-process.ts), also when the app's IPC channel closes.
 */
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { startEmbeddedMongo, type EmbeddedMongo } from './index.js';

// The engine's own process keeps every document in memory: ask V8 to keep its heap tight (this
// took peak RSS at 100k documents from about 3.6x to 2.8x the raw data size, see the README).
v8.setFlagsFromString('--optimize-for-size');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    dbpath: { type: 'string', default: './data/mongo' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`invalid --port ${values.port}\n`);
  process.exit(2);
}

// Handlers go in before the engine starts, so a signal right after `ready` is never missed.
let engine: EmbeddedMongo | undefined;
let stopping = false;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  (engine ? engine.stop() : Promise.resolve()).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`shutdown failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);

try {
  engine = await startEmbeddedMongo({ dbPath: values.dbpath, port });
  if (stopping) await engine.stop();
  else process.stdout.write(`ready ${engine.uri}\n`);
} catch (err) {
  process.stderr.write(`embedded mongo failed to start: ${(err as Error).message}\n`);
  process.exit(1);
}
