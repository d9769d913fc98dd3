import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import express from 'express';
import supertest from 'supertest';
import { createLogger, requestLogger } from '../../src/http/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
  return { lines, logger: createLogger('info', stream) };
}

describe('logging', () => {
  test('request log – secrets in headers and bodies – redacted', async () => {
    const { lines, logger } = capture();
    const app = express();
    app.use(requestLogger(logger));
    app.use(express.json());
    app.post('/x', (req, res) => {
      req.log.info({ body: req.body }, 'form received');
      res.setHeader('Set-Cookie', 'studitiru.sid=rahasia-sesi');
      res.json({ ok: true });
    });
    await supertest(app).post('/x')
      .set('Authorization', 'Bearer st_rahasia')
      .set('Cookie', 'studitiru.sid=rahasia-sesi')
      .set('User-Agent', 'peramban-uji/1.0')
      .send({ email: 'a@b.go.id', password: 'kata-sandi-rahasia', token: 'st_rahasia2' });
    const all = lines.join('');
    for (const secret of ['st_rahasia', 'rahasia-sesi', 'kata-sandi-rahasia', 'st_rahasia2']) assert.equal(all.includes(secret), false, `${secret} leaked`);
    assert.match(all, /\[redacted\]/);
    assert.match(all, /a@b\.go\.id/);
    const done = lines.map((line) => JSON.parse(line) as { msg: string; req?: Record<string, unknown>; res?: Record<string, unknown> }).find((line) => line.msg === 'request completed');
    assert.ok(done);
    assert.deepEqual(Object.keys(done.req ?? {}).sort(), ['id', 'method', 'remoteAddress', 'url', 'userAgent'], 'what was asked, without the headers');
    assert.equal(done.req?.userAgent, 'peramban-uji/1.0');
    assert.deepEqual(done.res, { statusCode: 200 });
  });

  test('request id – X-Request-Id given – kept and echoed; absent – generated', async () => {
    const { lines, logger } = capture();
    const app = express();
    app.use(requestLogger(logger));
    app.get('/x', (_req, res) => { res.send('ok'); });
    const given = await supertest(app).get('/x').set('X-Request-Id', 'abc-123');
    assert.equal(given.headers['x-request-id'], 'abc-123');
    assert.match(lines.join(''), /"id":"abc-123"/);
    await supertest(app).get('/x?_csrf=token-rahasia&page=2');
    assert.equal(lines.join('').includes('token-rahasia'), false);
    assert.match(lines.join(''), /_csrf=\[redacted\]&page=2/);
    const generated = await supertest(app).get('/x').set('X-Request-Id', 'bad id with spaces <script>');
    assert.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  });
});
