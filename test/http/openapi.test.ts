import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allRoutes } from '../../src/http/route-table.js';
import { toOpenApiPath } from '../../src/http/openapi.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('openapi document', () => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, { summary: string; security: unknown[] }>>; components: { securitySchemes: Record<string, unknown> } };
  before(async () => {
    t = await startTestApp();
    const res = await t.agent().get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    doc = res.body;
  });
  after(async () => {
    await t.stop();
  });

  test('openapi – document – is OpenAPI 3.1 with cookie and bearer security schemes', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['bearerAuth', 'cookieAuth']);
  });

  test('openapi – every API route – appears with its method and summary', () => {
    const apiRoutes = allRoutes().filter((r) => r.api);
    assert.ok(apiRoutes.some((r) => r.path === '/me'));
    for (const route of apiRoutes) {
      const op = doc.paths[toOpenApiPath(route.path)]?.[route.method];
      assert.ok(op, `${route.method} ${route.path} is documented`);
      assert.equal(op.summary, route.summary);
      assert.equal(op.security.length === 0, route.access === 'public');
    }
  });

  test('openapi – the list routes – their query parameters, read from the schemas that parse them', () => {
    type Parameter = { name: string; in: string; description?: string; schema: { enum?: string[]; type?: string; maximum?: number } };
    const parameters = (path: string) => (doc.paths[path].get as unknown as { parameters?: Parameter[] }).parameters ?? [];
    const named = (path: string, name: string) => parameters(path).find((p) => p.name === name);
    for (const path of ['/visits', '/practices', '/lessons', '/agencies', '/users']) {
      assert.ok(parameters(path).length > 0 && parameters(path).every((p) => p.in === 'query'), path);
      assert.equal(named(path, 'perPage')?.schema.maximum, 100, path);
    }
    assert.ok(named('/practices', 'sort')?.schema.enum?.includes('replicated'));
    assert.match(named('/practices', 'sort')?.description ?? '', /replicated: /);
    assert.deepEqual(named('/practices', 'stage')?.schema.enum, ['inisiatif', 'uji_coba', 'penerapan', '']);
    assert.equal(named('/visits', 'year')?.schema.type, 'integer');
    assert.deepEqual(named('/users', 'role')?.schema.enum, ['staff', 'planner', 'head', 'admin', '']);
    assert.match(named('/lessons', 'q')?.description ?? '', /GET \/search/);
  });

  test('openapi – every documented operation – is a real route (no 404 when called)', async () => {
    const agent = t.agent();
    const apiRoutes = allRoutes().filter((r) => r.api);
    for (const [docPath, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        assert.ok(apiRoutes.some((r) => toOpenApiPath(r.path) === docPath && r.method === method), `${method} ${docPath} has a RouteDef`);
        const url = `/api/v1${docPath.replace(/\{[^}]+\}/g, '000000000000000000000000')}`;
        const res = await agent[method as 'get'](url);
        assert.notEqual(res.body?.error?.code, 'not_found', `${method} ${url} is mounted`);
      }
    }
  });
});
