/**
 * What the practice and lesson HTTP tests share: an app with one "home" agency (whose users own
 * the records) and one other agency, a signed-in browser per role, and CSRF-aware request helpers.
 */
import type { Role } from '../../../src/auth/acting-user.js';
import { csrfToken, csrfTokenFrom, signIn } from '../../helpers/auth.js';
import { createAgency, createUser, type CreatedUser } from '../../helpers/factories.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

export type Agent = ReturnType<TestApp['agent']>;

export interface Browser {
  agent: Agent;
  token: string;
  user: CreatedUser;
}

export interface KnowledgeTestWorld {
  t: TestApp;
  homeAgencyId: string;
  otherAgencyId: string;
  /** Users of the home agency, by role (admin belongs to the other agency, so its rights come from the role). */
  home: Record<Exclude<Role, 'admin'>, Browser>;
  admin: Browser;
  /** A staff member of the other agency. */
  other: Browser;
  /** Not signed in; its token is the sign-in page's, so CSRF passes and the access check answers. */
  anonymous: Browser;
}

async function browser(t: TestApp, user: CreatedUser): Promise<Browser> {
  const agent = t.agent();
  await signIn(agent, user.user.email, user.password);
  return { agent, token: csrfTokenFrom((await agent.get('/')).text), user };
}

async function anonymousBrowser(t: TestApp): Promise<Browser> {
  const agent = t.agent();
  const stranger = await createUser({ role: 'staff' });
  return { agent, token: await csrfToken(agent), user: stranger };
}

export async function startKnowledgeWorld(): Promise<KnowledgeTestWorld> {
  const t = await startTestApp();
  const home = await createAgency({ regionCode: '13.74' });
  const other = await createAgency({ level: 'kota', regionCode: '32.73' });
  const make = async (role: Role, agency: string) => browser(t, await createUser({ role, agency }));
  return {
    t,
    homeAgencyId: home.id,
    otherAgencyId: other.id,
    home: { staff: await make('staff', home.id), planner: await make('planner', home.id), head: await make('head', home.id) },
    admin: await make('admin', other.id),
    other: await make('staff', other.id),
    anonymous: await anonymousBrowser(t),
  };
}

/** An HTML form post with the browser's CSRF token. */
export function postForm(b: Browser, url: string, form: Record<string, string | string[]> = {}) {
  return b.agent.post(url).type('form').send({ ...form, _csrf: b.token });
}

/** A JSON API call with the browser's session and CSRF header. */
export function api(b: Browser, method: 'get' | 'post' | 'patch' | 'delete', url: string, body?: unknown) {
  const req = b.agent[method](`/api/v1${url}`).set('X-CSRF-Token', b.token);
  return body === undefined ? req : req.send(body as object);
}

/** Text fields filled with markup that must come back escaped (or sanitised, for Markdown). */
export const XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
