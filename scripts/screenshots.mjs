#!/usr/bin/env node
// Screenshots of the seeded demo programme for review and release notes (issue 13): meeting
// mode, the action editor, costs with balances, the home page, a COP workspace, a meeting's
// minutes and the Resource Centre — on two phones and a laptop, in English and French. Not a test:
// it asserts nothing, but it reports pages wider than the screen (horizontal overflow).
//
// Needs a running server whose DATA_DIR holds `pnpm atelier seed-demo`:
//   DATA_DIR=.tmp/demo-data pnpm atelier seed-demo
//   PORT=4440 DATA_DIR=.tmp/demo-data pnpm start
//   BASE_URL=http://127.0.0.1:4440 SHOTS_DIR=/work/shots/issue-13 node scripts/screenshots.mjs
// SHOTS_ONLY=costs,home limits the pages; SHOTS_SIZES=390x844 the sizes; SHOTS_LANGS=fr the
// languages; SHOTS_AS=member signs in a member of the COP instead of its facilitator (meeting
// mode then shows no controls; files get a `-member` suffix). `deleted` deletes an expense,
// shoots "Recently deleted" and restores it; `meeting-mode-offline` cuts the network first.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:4440';
const OUT = process.env.SHOTS_DIR ?? `${root}.tmp/shots/issue-13`;
const PASSWORD = 'atelier-demo-2026';
const SIZES = (process.env.SHOTS_SIZES ?? '390x844,360x640,1280x800').split(',').map((s) => {
  const [width, height] = s.split('x').map(Number);
  return { width, height, phone: width < 700 };
});
const ONLY = process.env.SHOTS_ONLY?.split(',');
const LANGS = (process.env.SHOTS_LANGS ?? 'en,fr').split(',');
const AS_MEMBER = process.env.SHOTS_AS === 'member';
/** Members (not facilitators) of the same seeded COPs. */
const MEMBERS = { en: 'daniel@demo.atelier.test', fr: 'lucie@demo.atelier.test' };

/** Who is signed in for each language: a facilitator of the seeded COP working in it. */
const PEOPLE = {
  en: { email: 'amara@demo.atelier.test', cop: 'Portfolio Management Circle', meeting: 'Working session: stopping projects well', action: 'Write the one-page annex for small portfolios' },
  fr: { email: 'helene@demo.atelier.test', cop: 'Communauté de pratique en gestion du changement', meeting: 'Séance de travail : annoncer un changement', action: 'Rédiger le modèle de fiche de questions et réponses' }
};

const messages = (lang) => JSON.parse(readFileSync(`${root}apps/web/messages/${lang}.json`, 'utf8'));
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? `{${k}}`);

/** Signs in on an English device; the interface then follows the account's language. */
async function signIn(page, lang) {
  const t = messages('en');
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel(t.field_email).fill(AS_MEMBER ? MEMBERS[lang] : PEOPLE[lang].email);
  await page.getByLabel(t.field_password).fill(PASSWORD);
  await page.getByRole('button', { name: t.sign_in, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: messages(lang).my_cops_title }).waitFor({ timeout: 30_000 });
}

/** Lets the documents sync and the fonts and layout settle before a shot. */
async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(600);
}

const overflowing = [];
async function shoot(page, name, lang, size, { fullPage = true } = {}) {
  await settle(page);
  const file = `${OUT}/${name}${AS_MEMBER ? '-member' : ''}-${lang}-${size.width}x${size.height}.png`;
  await page.screenshot({ path: file, fullPage });
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`);
    return { scroll: document.documentElement.scrollWidth, width, culprits };
  });
  if (wide.scroll > wide.width || wide.culprits.length) overflowing.push(`${file}: ${wide.scroll}px wide for ${wide.width}px (${wide.culprits.join(', ')})`);
  console.log(file);
}

async function run() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  try {
    for (const lang of LANGS) {
      const t = messages(lang);
      // One sign-in per language; each size gets a fresh context with that session.
      const first = await browser.newContext({ locale: 'en-CA' });
      const page0 = await first.newPage();
      await signIn(page0, lang);
      const state = await first.storageState();
      const cops = await (await page0.request.get(`${BASE_URL}/api/cops`)).json();
      const cop = cops.find((c) => c.name === PEOPLE[lang].cop);
      await first.close();

      for (const size of SIZES) {
        const context = await browser.newContext({ storageState: state, viewport: size, isMobile: size.phone, hasTouch: size.phone, deviceScaleFactor: 1, locale: lang === 'en' ? 'en-CA' : 'fr-CA' });
        const page = await context.newPage();
        const want = (name) => !ONLY || ONLY.includes(name);

        if (want('home')) {
          await page.goto(`${BASE_URL}/`);
          await page.getByRole('heading', { level: 1, name: t.my_cops_title }).waitFor();
          await shoot(page, 'home', lang, size);
        }
        if (want('workspace')) {
          await page.goto(`${BASE_URL}/cops/${cop.id}/workspace`);
          await page.getByText(PEOPLE[lang].action).first().waitFor();
          await shoot(page, 'workspace', lang, size);
        }
        await page.goto(`${BASE_URL}/cops/${cop.id}/meetings`);
        const meetingLink = page.locator('main').getByRole('link', { name: PEOPLE[lang].meeting });
        await meetingLink.waitFor();
        const meetingUrl = new URL(await meetingLink.getAttribute('href'), BASE_URL).href;
        if (want('meeting')) {
          await page.goto(meetingUrl);
          await page.getByText(PEOPLE[lang].action).first().waitFor();
          await shoot(page, 'meeting-minutes', lang, size);
        }
        if (want('action-editor')) {
          await page.goto(meetingUrl);
          await page.getByRole('button', { name: fill(t.ws_edit_action, { what: PEOPLE[lang].action }) }).first().click();
          const editor = page.getByRole('form', { name: t.ws_action_editor_heading });
          await editor.waitFor();
          await editor.scrollIntoViewIfNeeded();
          await shoot(page, 'action-editor', lang, size, { fullPage: false });
        }
        if (want('meeting-mode')) {
          await page.goto(`${meetingUrl.replace(/\/$/, '')}/live`);
          const start = page.getByRole('button', { name: t.ws_live_start });
          if (await start.isVisible().catch(() => false)) await start.click();
          // Meeting mode as it is used: its heading at the top of the screen, the bar at the bottom.
          await page.getByTestId('current-item').waitFor();
          await page.locator('.live-head').evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await shoot(page, 'meeting-mode', lang, size, { fullPage: false });
        }
        if (want('meeting-mode-offline')) {
          await page.goto(`${meetingUrl.replace(/\/$/, '')}/live`);
          await page.getByTestId('current-item').waitFor();
          await page.locator('.workspace-top .sync-status[data-state="saved"]').waitFor({ timeout: 15_000 });
          await context.setOffline(true);
          await page.locator('.workspace-top .sync-status[data-state="offline"]').waitFor({ timeout: 15_000 });
          await page.locator('.connection[data-state="offline"]').waitFor({ timeout: 15_000 });
          await page.waitForTimeout(600);
          await page.screenshot({ path: `${OUT}/meeting-mode-offline${AS_MEMBER ? '-member' : ''}-${lang}-${size.width}x${size.height}.png` });
          console.log('meeting-mode-offline');
          await context.setOffline(false);
          await page.locator('.workspace-top .sync-status[data-state="saved"]').waitFor({ timeout: 15_000 });
        }
        if (want('deleted') && !AS_MEMBER) {
          await page.goto(`${BASE_URL}/cops/${cop.id}/costs`);
          await page.locator('main').getByText(/\d+[,.]\d\d/).first().waitFor();
          await page.locator('main button.danger').first().click();
          await page.goto(`${BASE_URL}/cops/${cop.id}/deleted`);
          const restore = page.locator('main .deleted li button').first();
          await restore.waitFor();
          await shoot(page, 'recently-deleted', lang, size);
          await restore.click();
          await page.getByText(t.ws_deleted_empty).waitFor();
        }
        if (want('costs')) {
          await page.goto(`${BASE_URL}/cops/${cop.id}/costs`);
          await page.locator('main').getByText(/\d+[,.]\d\d/).first().waitFor();
          await shoot(page, 'costs', lang, size);
        }
        if (want('resources')) {
          await page.goto(`${BASE_URL}/resources`);
          await page.locator('main a[href^="/resources/"]').first().waitFor();
          await shoot(page, 'resource-centre', lang, size);
          await page.locator('main a[href^="/resources/"]').first().click();
          await page.locator('main h1').waitFor();
          await shoot(page, 'resource-item', lang, size);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (overflowing.length) console.log(`\nWider than the screen:\n${overflowing.join('\n')}`);
}

await run();
