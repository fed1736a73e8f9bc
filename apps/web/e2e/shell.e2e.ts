// The installable, offline, bilingual app shell (issue 2).
import { axeViolations, expect, LAPTOP, messages, PHONE, screenshotPath, test, waitForServiceWorker } from './support/fixtures';
import { longDateIn } from './support/place-and-clock';

const en = messages('en');
const fr = messages('fr');

test.describe('the web manifest', () => {
  test('is linked from the shell and valid for installation', async ({ page, request, consoleErrors }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');

    const res = await request.get(href!);
    expect(res.status()).toBe(200);
    const manifest = await res.json();
    expect(manifest).toMatchObject({ name: 'Atelier', short_name: 'Atelier', display: 'standalone', start_url: '/', lang: 'en' });
    expect(manifest.description).toMatch(/Communities of Practice/);
    expect(manifest.translations.fr.description).toMatch(/communautés de pratique/);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of icons) {
      const img = await request.get(new URL(icon.src, page.url()).toString());
      expect(img.status(), icon.src).toBe(200);
      expect(img.headers()['content-type']).toBe('image/png');
    }
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('offline', () => {
  test('after the service worker takes control, a reload with no network opens the shell in the chosen language', async ({
    page,
    context
  }) => {
    await page.goto('/');
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: en.language_switch_aria }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.home_title!);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.home_title!);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('status').filter({ hasText: fr.connection_offline! })).toBeVisible();

    // An app route the server never sent while online is served by the precached shell too.
    await page.goto('/some/page/never/visited');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.not_found_title!);
    await context.setOffline(false);
  });
});

test.describe('language', () => {
  test('defaults to the browser language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'fr-CA' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.home_title!);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await context.close();
  });

  test('the switch changes every visible string and persists across reload', async ({ page, consoleErrors }) => {
    // A day whose French month carries an accent (the test once failed every December, février
    // and août): the page's clock is pinned so the outcome never depends on the machine's date,
    // and the page runs in the config's zone (17:00 UTC is already 3 December in Kiritimati).
    const now = new Date('2026-12-02T17:00:00Z');
    await page.clock.setFixedTime(now);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('status').filter({ hasText: en.connection_online! })).toBeVisible();
    const english = await page.locator('body').innerText();

    await page.getByRole('button', { name: en.language_switch_aria }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const french = await page.locator('body').innerText();

    // No English message that differs from its French one is left on the page… (an English text
    // that is also a French message, like "English" on the French page's language switch, proves
    // nothing either way)
    // (whole words only: the English "To" is not shown by "Toutes")
    const frenchTexts = new Set(Object.values(fr));
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const shows = (page: string, text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(text)}(?![\\p{L}\\p{N}])`, 'u').test(page);
    for (const [key, text] of Object.entries(en)) {
      if (text === fr[key] || text.includes('{') || frenchTexts.has(text)) continue;
      expect(shows(french, text), `English "${key}" still shown`).toBe(false);
    }
    // …and every English string that was shown now reads in French.
    // (a word like "French" seen only inside a longer English sentence was that sentence, not itself)
    const insideAnother = (key: string, text: string) =>
      Object.entries(en).some(([k, other]) => k !== key && other.length > text.length && other.includes(text) && english.includes(other));
    for (const [key, text] of Object.entries(en)) {
      if (text.includes('{') || !shows(english, text) || frenchTexts.has(text) || insideAnother(key, text)) continue;
      expect(french, `French "${key}" missing`).toContain(fr[key]);
    }
    expect(english).toContain('Today is Wednesday, December 2, 2026.');
    expect(french).toContain('Nous sommes le mercredi 2 décembre 2026.');
    // The same, from the platform's Intl in the context's zone: what the app itself computes.
    expect(english).toContain(`Today is ${longDateIn(now, 'en')}.`);
    expect(french).toContain(`Nous sommes le ${longDateIn(now, 'fr')}.`);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.home_title!);
    await page.getByRole('button', { name: fr.language_switch_aria }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.home_title!);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.home_title!);
    expect(consoleErrors).toEqual([]);
  });

  test('a page that does not exist says so, in the chosen language', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.not_found_title!);
    await expect(page.getByText('/no/such/page')).toBeVisible();
    await page.getByRole('link', { name: en.back_home }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.home_title!);
  });
});

test.describe('accessibility', () => {
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['laptop', LAPTOP]
  ] as const) {
    for (const locale of ['en', 'fr'] as const) {
      test(`the home page has no axe violations (${label}, ${locale})`, async ({ page, consoleErrors }) => {
        await page.setViewportSize(viewport);
        await page.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
        await page.goto('/');
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages(locale).home_title!);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`home-${label}-${locale}`), fullPage: true });
        expect(consoleErrors).toEqual([]);
      });
    }
  }
});
