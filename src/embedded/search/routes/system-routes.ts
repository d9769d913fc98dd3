/** /health, /version, /keys and /experimental-features. */
import { MeiliError } from '../errors.js';
import { requireJson } from '../http/body.js';
import { asObject, intParam, knownFields, paginate } from './route-helpers.js';
import type { Engine } from './route-helpers.js';
import type { KeyStore } from '../auth/key-store.js';
import type { Route } from '../http/router.js';

/** The Meilisearch release whose API this engine follows. */
export const COMPATIBLE_VERSION = '1.16.0';

function keyStore(engine: Engine): KeyStore {
  if (!engine.keys) {
    throw new MeiliError('missing_master_key', 'Meilisearch is running without a master key. To access this API endpoint, you must have set a master key at launch.', 401, 'auth');
  }
  return engine.keys;
}

/** Meilisearch's runtime-togglable features. Stored (in memory) and reported; none changes behaviour here. */
const EXPERIMENTAL_FEATURES = [
  'chatCompletions',
  'compositeEmbedders',
  'containsFilter',
  'dynamicSearchRules',
  'editDocumentsByFunction',
  'foreignKeys',
  'getTaskDocumentsRoute',
  'logsRoute',
  'metrics',
  'multimodal',
  'network',
  'renderRoute',
];

function experimentalRoutes(): Route[] {
  const features: Record<string, boolean> = Object.fromEntries(EXPERIMENTAL_FEATURES.map((f) => [f, false]));
  return [
    { method: 'GET', pattern: '/experimental-features', action: 'experimental.get', handler: () => ({ status: 200, body: features }) },
    {
      method: 'PATCH',
      pattern: '/experimental-features',
      action: 'experimental.update',
      handler: ({ req, raw }) => {
        const body = asObject(requireJson(req, raw));
        knownFields(body, EXPERIMENTAL_FEATURES);
        for (const [name, value] of Object.entries(body)) {
          if (value === null || value === undefined) continue;
          if (typeof value !== 'boolean') throw new MeiliError('bad_request', `Invalid value type at \`.${name}\`: expected a boolean, but found ${JSON.stringify(value)}`);
          features[name] = value;
        }
        return { status: 200, body: features };
      },
    },
  ];
}

export function systemRoutes(engine: Engine): Route[] {
  return [
    ...experimentalRoutes(),
    { method: 'GET', pattern: '/health', action: null, handler: () => ({ status: 200, body: { status: 'available' } }) },
    {
      method: 'GET',
      pattern: '/version',
      action: 'version',
      handler: () => ({ status: 200, body: { commitSha: 'embedded', commitDate: '2025-01-01T00:00:00Z', pkgVersion: COMPATIBLE_VERSION } }),
    },
    {
      method: 'GET',
      pattern: '/keys',
      action: 'keys.get',
      handler: ({ query }) => {
        const offset = intParam(query, 'offset', 0, 'invalid_api_key_offset');
        const limit = intParam(query, 'limit', 20, 'invalid_api_key_limit');
        return { status: 200, body: paginate(keyStore(engine).list(), offset, limit) };
      },
    },
    {
      method: 'GET',
      pattern: '/keys/:key',
      action: 'keys.get',
      handler: ({ params }) => {
        const key = keyStore(engine).find(params.key);
        if (!key) throw new MeiliError('api_key_not_found', `API key \`${params.key}\` not found.`, 404);
        return { status: 200, body: key };
      },
    },
    {
      method: 'POST',
      pattern: '/keys',
      action: 'keys.create',
      handler: ({ req, raw }) => ({ status: 201, body: keyStore(engine).create(asObject(requireJson(req, raw))) }),
    },
    {
      method: 'PATCH',
      pattern: '/keys/:key',
      action: 'keys.update',
      handler: ({ req, raw, params }) => ({ status: 200, body: keyStore(engine).update(params.key, asObject(requireJson(req, raw))) }),
    },
    {
      method: 'DELETE',
      pattern: '/keys/:key',
      action: 'keys.delete',
      handler: ({ params }) => {
        keyStore(engine).delete(params.key);
        return { status: 204 };
      },
    },
  ];
}
