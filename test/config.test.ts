import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  test('loadConfig – empty environment – development defaults with embedded engines', () => {
    const config = loadConfig({});
    assert.equal(config.nodeEnv, 'development');
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.mongodbUri, undefined);
    assert.equal(config.meiliHost, undefined);
    assert.equal(config.sessionSecret, undefined);
    assert.equal(config.trustProxy, false);
    assert.equal(config.tz, 'Asia/Jakarta');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.loginMaxFailures, 5);
    assert.equal(config.loginLockMinutes, 15);
    assert.equal(config.webConcurrency, Math.max(1, Math.min(os.availableParallelism() - 1, 4)), 'a core is left to the embedded search engine');
    assert.ok(Object.isFrozen(config));
  });

  test('loadConfig – every variable set – parsed and typed', () => {
    const config = loadConfig({
      NODE_ENV: 'production', PORT: '8080', DATA_DIR: '/srv/data', MONGODB_URI: 'mongodb://mongo:27017/studitiru',
      MEILI_HOST: 'http://meilisearch:7700', MEILI_MASTER_KEY: 'k', SESSION_SECRET: 'x'.repeat(40), TRUST_PROXY: '1',
      TZ: 'Asia/Makassar', LOG_LEVEL: 'warn', LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '30', LOGIN_IP_MAX_ATTEMPTS: '100',
      WEB_CONCURRENCY: '3',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.dataDir, '/srv/data');
    assert.equal(config.mongodbUri, 'mongodb://mongo:27017/studitiru');
    assert.equal(config.meiliHost, 'http://meilisearch:7700');
    assert.equal(config.trustProxy, 1);
    assert.equal(config.tz, 'Asia/Makassar');
    assert.equal(config.loginMaxFailures, 3);
    assert.equal(config.loginIpMaxAttempts, 100);
    assert.equal(config.webConcurrency, 3);
  });

  test('loadConfig – search engine elsewhere, no WEB_CONCURRENCY – one app process per core, at most 4', () => {
    assert.equal(loadConfig({ MEILI_HOST: 'http://search:7700' }).webConcurrency, Math.min(os.availableParallelism(), 4));
    assert.equal(loadConfig({ MEILI_HOST: 'http://search:7700', WEB_CONCURRENCY: '1' }).webConcurrency, 1);
  });

  test('loadConfig – WEB_CONCURRENCY out of range – ConfigError naming it', () => {
    assert.throws(() => loadConfig({ WEB_CONCURRENCY: '0' }), /WEB_CONCURRENCY must be an integer between 1 and 16/);
    assert.throws(() => loadConfig({ WEB_CONCURRENCY: 'banyak' }), /WEB_CONCURRENCY/);
  });

  test('loadConfig – TRUST_PROXY forms – boolean, hop count or address list', () => {
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy, 'loopback, 10.0.0.0/8');
  });

  test('loadConfig – bad PORT – ConfigError naming PORT and the value', () => {
    assert.throws(() => loadConfig({ PORT: 'tiga ribu' }), (err: unknown) => err instanceof ConfigError && /PORT/.test(err.message) && /tiga ribu/.test(err.message));
    assert.throws(() => loadConfig({ PORT: '70000' }), ConfigError);
  });

  test('loadConfig – production without SESSION_SECRET – ConfigError', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET is required when NODE_ENV=production/);
  });

  test('loadConfig – short SESSION_SECRET, bad URI, unknown zone – one message listing every problem', () => {
    assert.throws(
      () => loadConfig({ SESSION_SECRET: 'short', MONGODB_URI: 'postgres://x', TZ: 'Mars/Olympus' }),
      (err: unknown) => err instanceof ConfigError && /SESSION_SECRET/.test(err.message) && /MONGODB_URI/.test(err.message) && /TZ/.test(err.message),
    );
  });
});
