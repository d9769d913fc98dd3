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

  type Property = { type?: string; enum?: string[]; format?: string; minLength?: number; maxLength?: number; default?: unknown; anyOf?: Property[]; items?: Property; properties?: Record<string, Property> };
  type BodySchema = { type: string; required?: string[]; properties: Record<string, Property> };
  type RequestBody = { required: boolean; content: Record<string, { schema: BodySchema }> };
  const requestBody = (path: string, method: string) => (doc.paths[path]?.[method] as unknown as { requestBody?: RequestBody }).requestBody;
  const jsonBody = (path: string, method: string) => requestBody(path, method)?.content['application/json']?.schema;

  test('openapi – every POST and PATCH API route – declares its request body, but restore routes (no body)', () => {
    const writes = allRoutes().filter((r) => r.api && (r.method === 'post' || r.method === 'patch'));
    const restores = writes.filter((r) => r.path.endsWith('/restore'));
    assert.ok(restores.length > 0 && writes.length > restores.length);
    for (const route of writes) {
      const body = requestBody(toOpenApiPath(route.path), route.method);
      if (restores.includes(route)) assert.equal(body, undefined, `${route.method} ${route.path}`);
      else assert.ok(body?.required && Object.keys(body.content).length === 1, `${route.method} ${route.path}`);
    }
  });

  test('openapi – POST /practices – name and shortDescription required with their bounds, the owner defaulted', () => {
    const schema = jsonBody('/practices', 'post');
    assert.ok(schema);
    const required = schema.required ?? [];
    assert.ok(required.includes('name') && required.includes('shortDescription'), String(required));
    assert.ok(!required.includes('ownerAgencyId'), "the owner defaults to the author's agency");
    assert.deepEqual([schema.properties.name.minLength, schema.properties.name.maxLength], [3, 200]);
    assert.deepEqual([schema.properties.shortDescription.minLength, schema.properties.shortDescription.maxLength], [10, 500]);
    assert.deepEqual(schema.properties.contact.default, {});
  });

  test('openapi – fields parsed through preprocess, refine or custom checks – keep a useful type', () => {
    const practice = jsonBody('/practices', 'post');
    assert.ok(practice);
    assert.deepEqual(practice.properties.stage.enum, ['inisiatif', 'uji_coba', 'penerapan']);
    assert.equal(practice.properties.digital.type, 'boolean');
    assert.equal(practice.properties.evidence.items?.properties?.date.format, 'date');
    assert.deepEqual(practice.properties.startDate.anyOf?.map((p) => p.format ?? p.type), ['date', 'null']);
    assert.equal(jsonBody('/visits', 'post')?.properties.startDate.format, 'date');
    assert.deepEqual(jsonBody('/agencies', 'post')?.properties.level.enum, ['kementerian_lembaga', 'provinsi', 'kabupaten', 'kota']);
  });

  test('openapi – PATCH bodies – every field optional, none defaulted (what is not sent keeps its stored value)', () => {
    const patch = jsonBody('/practices/{id}', 'patch');
    const post = jsonBody('/practices', 'post');
    assert.ok(patch && post);
    assert.equal(patch.required, undefined);
    assert.deepEqual(Object.keys(patch.properties), Object.keys(post.properties));
    assert.equal(patch.properties.contact.default, undefined);
    const agency = jsonBody('/agencies/{id}', 'patch');
    assert.equal(agency?.required, undefined);
    assert.equal(agency?.properties.active.type, 'boolean');
    assert.equal(agency?.properties.website.default, undefined);
  });

  test('openapi – the attachment uploads – take multipart/form-data with an array of files in "attachments"', () => {
    for (const path of ['/visits/{id}/attachments', '/practices/{id}/attachments', '/lessons/{id}/attachments']) {
      const content = requestBody(path, 'post')?.content ?? {};
      assert.deepEqual(Object.keys(content), ['multipart/form-data'], path);
      const files = content['multipart/form-data'].schema.properties.attachments;
      assert.equal(files.type, 'array', path);
      assert.deepEqual(files.items, { type: 'string', format: 'binary' }, path);
    }
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
