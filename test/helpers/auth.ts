/** Signing in through the real form (with its CSRF token), for tests of anything behind sign-in. */
import assert from 'node:assert/strict';
import type supertest from 'supertest';

type Agent = ReturnType<typeof supertest.agent>;

/** The `_csrf` value of the first form (or the csrf-token meta tag) in an HTML page. */
export function csrfTokenFrom(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/) ?? html.match(/name="csrf-token" content="([^"]+)"/);
  assert.ok(match?.[1], 'page has no CSRF token');
  return match[1];
}

/** GETs a page with the agent (default the sign-in page) and returns its CSRF token. */
export async function csrfToken(agent: Agent, page = '/masuk'): Promise<string> {
  const res = await agent.get(page);
  return csrfTokenFrom(res.text);
}

/**
 * Posts a form as a browser does, with the CSRF token of `tokenPage`. The token is fetched first:
 * a supertest agent takes its cookies when the request is created.
 */
export async function postFormWithCsrf(agent: Agent, url: string, form: Record<string, string | string[]>, tokenPage = '/') {
  const token = await csrfToken(agent, tokenPage);
  return agent.post(url).type('form').send({ ...form, _csrf: token });
}

/** Posts the sign-in form; returns the response (303 to the next page on success). */
export async function postSignIn(agent: Agent, email: string, password: string, next?: string) {
  const token = await csrfToken(agent);
  return agent.post('/masuk').type('form').send({ _csrf: token, email, password, ...(next ? { next } : {}) });
}

/** Signs in and asserts it worked, so the agent is a signed-in browser afterwards. */
export async function signIn(agent: Agent, email: string, password: string): Promise<void> {
  const res = await postSignIn(agent, email, password);
  assert.equal(res.status, 303, `sign-in failed with ${res.status}`);
}
