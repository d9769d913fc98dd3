/**
 * `npm run reindex`: rebuilds the search index from MongoDB (see reindex.ts), with a progress bar on
 * stderr. Uses the same engines as the app: MONGODB_URI / MEILI_HOST, or the embedded engines on
 * DATA_DIR — those belong to one process, so stop the app first when it runs on embedded engines.
 */
import { loadConfig } from '../config.js';
import { startEngines } from '../db/engines.js';
import { connectDatabase, disconnectDatabase } from '../db/connection.js';
import { createLogger } from '../http/logger.js';
import { createSearchClient, engineErrorText } from './client.js';
import { reindexKnowledge } from './reindex.js';

function progressBar(done: number, total: number): string {
  const width = 30;
  const ratio = total === 0 ? 1 : done / total;
  const filled = Math.round(ratio * width);
  return `\rreindex [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(ratio * 100)}% ${done}/${total}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const engines = await startEngines(config, createLogger('warn'));
  try {
    await connectDatabase(engines.mongodbUri);
    const client = createSearchClient({ host: engines.searchHost, apiKey: engines.searchApiKey });
    const result = await reindexKnowledge({ client, onProgress: (done, total) => process.stderr.write(progressBar(done, total)) });
    process.stderr.write(`\nreindexed ${result.indexed} records in ${(result.durationMs / 1000).toFixed(1)} s\n`);
  } finally {
    await disconnectDatabase().catch(() => undefined);
    await engines.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nreindex failed: ${engineErrorText(err)}\n`);
  process.exit(1);
});
