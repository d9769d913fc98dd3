/**
 * The permission matrix of every practice and lesson route: anonymous, each role of the owning
 * agency, an admin of another agency, and a staff member of another agency, on a published record
 * and on a draft. Each mutating call gets a fresh record, so one call cannot hide another's effect.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '../../../src/auth/acting-user.js';
import { fullPath } from '../../../src/http/mount.js';
import type { RouteDef } from '../../../src/http/routes.js';
import { lessonRoutes } from '../../../src/modules/lessons/lesson.routes.js';
import { deleteLesson } from '../../../src/modules/lessons/lesson.service.js';
import { practiceRoutes } from '../../../src/modules/practices/practice.routes.js';
import { deletePractice } from '../../../src/modules/practices/practice.service.js';
import { createTestLesson, createTestPractice } from '../../helpers/practice-factories.js';
import { startKnowledgeWorld, type Browser, type KnowledgeTestWorld } from './knowledge-test-kit.js';

type Who = Exclude<Role, 'admin'> | 'admin' | 'other';
const WHO: Who[] = ['staff', 'planner', 'head', 'admin', 'other'];

interface Case {
  route: RouteDef;
  /** Status for each actor on a published record of the home agency. */
  published: Record<Who, number>;
  /** Status for each actor on a draft of the home agency (routes with an id only). */
  draft?: Record<Who, number>;
}

const all = (status: number): Record<Who, number> => ({ staff: status, planner: status, head: status, admin: status, other: status });
const owners = (ok: number, other: number): Record<Who, number> => ({ staff: ok, planner: ok, head: ok, admin: ok, other });
const adminOnly = (ok: number): Record<Who, number> => ({ staff: 403, planner: 403, head: 403, admin: ok, other: 403 });

/** Expected answers, keyed "METHOD path" as declared. An empty form/body is invalid, hence 422 where writing is allowed. */
function expectations(base: string, api: string): Record<string, Omit<Case, 'route'>> {
  return {
    [`GET ${base}`]: { published: all(200) },
    [`GET ${base}/baru`]: { published: all(200) },
    [`POST ${base}`]: { published: all(422) },
    [`GET ${base}/:id`]: { published: all(200), draft: owners(200, 404) },
    [`GET ${base}/:id/ubah`]: { published: owners(200, 403), draft: owners(200, 404) },
    [`POST ${base}/:id`]: { published: owners(422, 403), draft: owners(422, 404) },
    [`POST ${base}/:id/hapus`]: { published: owners(303, 403), draft: owners(303, 404) },
    [`POST ${base}/:id/pulihkan`]: { published: adminOnly(303) },
    [`POST ${base}/:id/hapus-permanen`]: { published: adminOnly(303), draft: adminOnly(303) },
    [`POST ${base}/:id/lampiran`]: { published: owners(303, 403), draft: owners(303, 404) },
    [`GET ${api}`]: { published: all(200) },
    [`GET ${api}/:id`]: { published: all(200), draft: owners(200, 404) },
    [`POST ${api}`]: { published: all(422) },
    [`PATCH ${api}/:id`]: { published: owners(422, 403), draft: owners(422, 404) },
    [`DELETE ${api}/:id`]: { published: owners(204, 403), draft: owners(204, 404) },
    [`POST ${api}/:id/restore`]: { published: adminOnly(200) },
    // No file sent: the attachment service stores nothing and answers 201 with an empty list.
    [`POST ${api}/:id/attachments`]: { published: owners(201, 403), draft: owners(201, 404) },
  };
}

function cases(routes: RouteDef[], base: string, api: string): Case[] {
  const table = expectations(base, api);
  return routes.map((route) => {
    const key = `${route.method.toUpperCase()} ${route.path}`;
    const expected = table[key];
    assert.ok(expected, `no expectation declared for ${key}`);
    return { route, ...expected };
  });
}

async function call(b: Browser, route: RouteDef, id: string) {
  const url = fullPath(route).replace(':id', id);
  const req = b.agent[route.method](url);
  if (route.method === 'get') return req;
  // Bodies that are invalid for both kinds (practice needs a name, lesson a title): writers get 422.
  if (route.api) return req.set('X-CSRF-Token', b.token).send(route.method === 'patch' ? { name: '', title: '' } : {});
  return req.type('form').send(route.path.endsWith('/:id') ? { _csrf: b.token, name: '', title: '' } : { _csrf: b.token });
}

describe('practice and lesson permission matrix', () => {
  let w: KnowledgeTestWorld;
  before(async () => {
    w = await startKnowledgeWorld();
  });
  after(async () => {
    await w.t.stop();
  });

  const browserOf = (who: Who): Browser => (who === 'admin' ? w.admin : who === 'other' ? w.other : w.home[who]);

  /** A fresh record of the home agency; restore routes get a deleted one. */
  async function record(kind: 'practice' | 'lesson', status: 'published' | 'draft', deleted: boolean): Promise<string> {
    const owner = w.home.staff.user.acting;
    const made = kind === 'practice' ? await createTestPractice(owner, { status }) : await createTestLesson(owner, { status });
    if (deleted) await (kind === 'practice' ? deletePractice(owner, made.id) : deleteLesson(owner, made.id));
    return made.id;
  }

  async function runMatrix(kind: 'practice' | 'lesson', list: Case[]): Promise<number> {
    let checked = 0;
    for (const c of list) {
      const restoring = c.route.path.endsWith('pulihkan') || c.route.path.endsWith('restore');
      for (const variant of ['published', 'draft'] as const) {
        const expected = c[variant];
        if (!expected) continue;
        for (const who of WHO) {
          const id = c.route.path.includes(':id') ? await record(kind, variant, restoring) : '';
          const res = await call(browserOf(who), c.route, id);
          assert.equal(res.status, expected[who], `${who} ${variant}: ${c.route.method.toUpperCase()} ${fullPath(c.route)} → ${res.status}`);
          checked += 1;
        }
      }
    }
    return checked;
  }

  test('anonymous – every practice and lesson route – HTML 302 to /masuk, API 401', async () => {
    for (const route of [...practiceRoutes, ...lessonRoutes]) {
      const id = await record(route.path.startsWith('/pelajaran') || route.path.startsWith('/lessons') ? 'lesson' : 'practice', 'published', false);
      const res = await call(w.anonymous, route, id);
      if (route.api) assert.equal(res.status, 401, fullPath(route));
      else {
        assert.equal(res.status, 302, fullPath(route));
        // A GET comes back after sign-in; a refused POST just goes to the sign-in page.
        assert.match(res.headers.location ?? '', route.method === 'get' ? /^\/masuk\?next=/ : /^\/masuk$/, fullPath(route));
      }
    }
  });

  test('practice routes – each role, other agency, draft – expected status for every route', async () => {
    const checked = await runMatrix('practice', cases(practiceRoutes, '/praktik', '/practices'));
    assert.ok(checked > 100, `checked ${checked}`);
  });

  test('lesson routes – each role, other agency, draft – expected status for every route', async () => {
    const checked = await runMatrix('lesson', cases(lessonRoutes, '/pelajaran', '/lessons'));
    assert.ok(checked > 100, `checked ${checked}`);
  });
});
