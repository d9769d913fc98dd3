import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

// Docker cannot run here, so the compose file is checked as data: services, pinning, volumes,
// health-gated start-up, and that the app's environment passes the app's own config validation.

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const composeText = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
const compose = parse(composeText) as Compose;
const envExample = Object.fromEntries(
  readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/** Resolves ${VAR}, ${VAR:-default} and ${VAR:?message} the way compose does, from .env.example. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_m, name: string, kind?: string, rest?: string) => {
    const fromEnv = envExample[name];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    if (kind === '-') return rest ?? '';
    throw new Error(`compose needs ${name}, which .env.example does not define`);
  });
}

test('compose – services – app, mongo and meilisearch are defined', () => {
  assert.deepEqual(Object.keys(compose.services).sort(), ['app', 'meilisearch', 'mongo']);
});

test('compose – images – every image is pinned to an explicit version', () => {
  for (const [name, service] of Object.entries(compose.services)) {
    assert.ok(service.image, `${name} has an image name`);
    const tag = service.image.split(':')[1] ?? '';
    assert.match(tag, /^v?\d+(\.\d+)*$/, `${name} image ${service.image} is pinned`);
  }
  assert.ok(compose.services.app.build, 'the app is built from the Dockerfile');
});

test('compose – volumes – every stateful service keeps its data in a named volume', () => {
  for (const name of ['app', 'mongo', 'meilisearch']) {
    const mounts = compose.services[name].volumes ?? [];
    assert.ok(mounts.length > 0, `${name} mounts a volume`);
    for (const mount of mounts) {
      const volume = mount.split(':')[0];
      assert.ok(volume in compose.volumes, `${name} uses declared named volume ${volume}`);
    }
  }
});

test('compose – start-up – the app waits for healthy dependencies and every service has a healthcheck', () => {
  const dependsOn = compose.services.app.depends_on ?? {};
  assert.deepEqual(Object.keys(dependsOn).sort(), ['meilisearch', 'mongo']);
  for (const dep of Object.values(dependsOn)) assert.equal(dep.condition, 'service_healthy');
  for (const [name, service] of Object.entries(compose.services)) {
    assert.ok(service.healthcheck?.test.length, `${name} has a healthcheck`);
  }
  assert.match(compose.services.app.healthcheck?.test.join(' ') ?? '', /\/readyz/);
});

test('compose – app environment – passes the production config and selects the external engines', () => {
  const env = Object.fromEntries(
    Object.entries(compose.services.app.environment ?? {}).map(([key, value]) => [key, interpolate(String(value))]),
  );
  const config = loadConfig(env);
  assert.equal(config.nodeEnv, 'production');
  assert.match(config.mongodbUri ?? '', /^mongodb:\/\/mongo:27017\//);
  assert.equal(config.meiliHost, 'http://meilisearch:7700');
  assert.equal(config.meiliMasterKey, envExample.MEILI_MASTER_KEY);
  assert.equal(config.sessionSecret, envExample.SESSION_SECRET);
});

test('compose – secrets – no secret value is written into the compose file', () => {
  // A secret key in the YAML must take its value from the environment (${…}), never a literal.
  assert.doesNotMatch(composeText, /^\s+[A-Z_]*(MASTER_KEY|SECRET):[ \t]*[^$\s]/m);
});

test('dockerfile – user – the app image runs as a non-root user with a readiness healthcheck', () => {
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
  assert.match(dockerfile, /^USER node$/m);
  assert.match(dockerfile, /^HEALTHCHECK .*\n?.*\/readyz/m);
});
