/**
 * The search UI in a real browser (the system Chromium through playwright-core): the header box
 * becomes an accessible combobox under the app's CSP, keyboard-driven, suggestion titles are shown
 * as text; on a narrow screen the results page folds its filters behind a disclosure button.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { useSearchSuite } from './search-harness.js';
import { seedSearchWorld, type SearchWorld } from './page-fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('search box and page (browser)', () => {
  let world: SearchWorld;
  let server: http.Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  // Registered before the suite's hooks, so that it runs first: the browser and the server close before the app stops.
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  const suite = useSearchSuite();

  before(async () => {
    world = await seedSearchWorld(suite.h);
    server = http.createServer(suite.t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    await page.goto(`${base}/masuk`);
    await page.fill('input[name="email"]', world.solok.user.email);
    await page.fill('input[name="password"]', world.solok.password);
    await Promise.all([page.waitForURL(`${base}/`), page.click('main button[type="submit"]')]);
  });

  test('search box – typing – a listbox of suggestions the keyboard can walk, Escape closes it', async () => {
    const input = page.locator('#site-search-q');
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    await input.pressSequentially('podc');
    await page.locator('#site-search-listbox [role="option"]').first().waitFor();
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    const options = await page.locator('#site-search-listbox [role="option"]').allTextContents();
    assert.ok(options.some((text) => text.includes(world.titles.podcastSolok)), options.join(' | '));
    await input.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'site-search-option-0');
    assert.equal(await page.locator('#site-search-option-0').getAttribute('aria-selected'), 'true');
    await input.press('ArrowUp');
    assert.equal(await input.getAttribute('aria-activedescendant'), `site-search-option-${options.length - 1}`);
    await input.press('Escape');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#site-search-listbox').isHidden(), true);
  });

  test('search box – Enter on a suggestion – opens that record; Enter without one opens the results page', async () => {
    const input = page.locator('#site-search-q');
    await input.fill('');
    await input.pressSequentially('sepekan');
    await page.locator('#site-search-option-0').waitFor();
    await input.press('ArrowDown');
    await Promise.all([page.waitForURL(/\/praktik\/[0-9a-f]{24}$/), input.press('Enter')]);
    assert.match(await page.locator('h1').innerText(), /Padang Panjang Sepekan/);
    const box = page.locator('#site-search-q');
    await box.fill('podcast');
    await Promise.all([page.waitForURL(`${base}/cari?q=podcast`), box.press('Enter')]);
    assert.match(await page.locator('h1').innerText(), /podcast/);
  });

  test('search page on a narrow screen – filters folded behind a button naming the active ones – results on the first screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/cari?q=podcast&type=practice`);
    const toggle = page.locator('button.search-filters-toggle');
    const form = page.locator('#search-filters');
    assert.equal(await toggle.innerText(), 'Saring dan urutkan hasil (1 saringan aktif)');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await form.isHidden(), true);
    const firstHit = await page.locator('.search-hit__title').first().boundingBox();
    assert.ok(firstHit && firstHit.y + firstHit.height < 844, `first hit at ${JSON.stringify(firstHit)}`);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await form.isVisible(), true);
    // Widening the window: the button goes (the media query's change event, after the resize) and the form stays.
    await page.setViewportSize({ width: 1280, height: 900 });
    await toggle.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal(await form.isVisible(), true);
  });

  test('search box – markup in a title – shown as text, never run', async () => {
    await page.goto(`${base}/`);
    const input = page.locator('#site-search-q');
    await input.pressSequentially('videotron');
    await page.locator('#site-search-option-0').waitFor();
    const text = await page.locator('#site-search-option-0').innerText();
    assert.match(text, /<script/);
    assert.equal(await page.locator('#site-search-listbox script').count(), 0);
    assert.deepEqual(problems, []);
  });
});
