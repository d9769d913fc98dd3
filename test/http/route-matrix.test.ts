/**
 * The permission matrix, generated from allRoutes(): every non-public HTML route sends an
 * anonymous visitor to /masuk, every non-public API route answers 401 JSON, and every admin route
 * refuses a signed-in non-admin with 403. A new route is covered the moment it is declared.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allRoutes } from '../../src/http/route-table.js';
import { fullPath } from '../../src/http/mount.js';
import type { RouteDef } from '../../src/http/routes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { csrfToken, csrfTokenFrom, signIn } from '../helpers/auth.js';
import { createUser } from '../helpers/factories.js';

/** A concrete URL for a route pattern (any id: access is checked before the record is looked up). */
function concreteUrl(route: RouteDef): string {
  return fullPath(route).replace(/:[A-Za-z0-9_]+/g, '000000000000000000000000');
}

function label(route: RouteDef): string {
  return `${route.method.toUpperCase()} ${fullPath(route)}`;
}

type Agent = ReturnType<TestApp['agent']>;

async function call(agent: Agent, route: RouteDef, token: string) {
  const url = concreteUrl(route);
  const req = agent[route.method](url);
  if (route.method === 'get') return req;
  return route.api ? req.set('X-CSRF-Token', token).send({}) : req.type('form').send({ _csrf: token });
}

describe('route permission matrix', () => {
  let t: TestApp;
  let anonymous: Agent;
  let anonymousToken: string;
  let staff: Agent;
  let staffToken: string;
  const routes = allRoutes();

  before(async () => {
    t = await startTestApp();
    anonymous = t.agent();
    anonymousToken = await csrfToken(anonymous);
    const { user, password } = await createUser({ role: 'staff' });
    staff = t.agent();
    await signIn(staff, user.email, password);
    staffToken = csrfTokenFrom((await staff.get('/')).text);
  });
  after(async () => {
    await t.stop();
  });

  test('route table – every route – declares an access level and a summary', () => {
    assert.ok(routes.length > 10);
    for (const route of routes) {
      assert.ok(['public', 'user', 'admin'].includes(route.access), label(route));
      assert.ok(route.summary.length > 0, label(route));
    }
  });

  test('route table – no route – is declared twice', () => {
    const seen = new Set(routes.map(label));
    assert.equal(seen.size, routes.length);
  });

  test('anonymous – every non-public HTML route – 302 to /masuk (pages with next=their URL)', async () => {
    const checked: string[] = [];
    for (const route of routes.filter((r) => r.access !== 'public' && !r.api)) {
      const res = await call(anonymous, route, anonymousToken);
      assert.equal(res.status, 302, label(route));
      const expected = route.method === 'get' ? `/masuk?next=${encodeURIComponent(concreteUrl(route))}` : '/masuk';
      assert.equal(res.headers.location, expected, label(route));
      checked.push(label(route));
    }
    assert.ok(checked.length >= 5, `checked ${checked.length} routes`);
  });

  test('anonymous – every non-public API route – 401 with the JSON error shape', async () => {
    for (const route of routes.filter((r) => r.access !== 'public' && r.api)) {
      const res = await call(anonymous, route, anonymousToken);
      assert.equal(res.status, 401, label(route));
      assert.equal(res.body.error?.code, 'unauthorized', label(route));
      assert.equal(typeof res.body.error.message, 'string', label(route));
      assert.deepEqual(res.body.error.details, {}, label(route));
    }
  });

  test('signed-in staff – every admin route – 403', async () => {
    const adminRoutes = routes.filter((r) => r.access === 'admin');
    assert.ok(adminRoutes.length > 0);
    for (const route of adminRoutes) {
      const res = await call(staff, route, staffToken);
      assert.equal(res.status, 403, label(route));
      if (route.api) assert.equal(res.body.error.code, 'forbidden', label(route));
    }
  });

  test('anonymous – public pages – answer without sign-in', async () => {
    for (const route of routes.filter((r) => r.access === 'public' && r.method === 'get')) {
      const res = await anonymous.get(concreteUrl(route));
      assert.ok(res.status < 300, `${label(route)} gave ${res.status}`);
    }
  });
});
