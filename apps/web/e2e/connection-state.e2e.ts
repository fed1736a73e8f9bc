// One honest connection state: the header and the workspace never disagree about being connected,
// and a device is back in sync within seconds of the venue's uplink returning — even when the
// browser never fires `online` (the Wi-Fi stayed up; only what is behind it went away).
import type { WebSocketRoute } from '@playwright/test';
import { signIn } from './support/accounts';
import { closeAll, copWithPeople } from './editor-people';
import { expect, messages, test } from './support/fixtures';

test.describe.configure({ timeout: 120_000 });

test('header and workspace say the same thing, and a device is in sync within 3 s of the uplink returning without an online event', async ({ browser }) => {
  const t = messages('en');
  const { copId, manager, others } = await copWithPeople(browser, ['member']);
  const member = others[0]!;
  await member.context.close();
  // The service worker stays out of the way so that this test decides what reaches the server.
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-CA' });
  const page = await context.newPage();

  let outage = false;
  const live = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/sync\//, (ws) => {
    if (outage) {
      void ws.close({ code: 1011, reason: 'uplink down' });
      return;
    }
    live.add(ws);
    ws.connectToServer();
  });
  await page.route('**/healthz', (route) => (outage ? route.abort('internetdisconnected') : route.continue()));

  await signIn(page, member.person, t);
  await page.goto(`/cops/${copId}/workspace`);
  const header = page.locator('.connection[data-state]');
  const workspace = page.locator('.workspace-top .sync-status');
  await expect(workspace).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(header).toHaveAttribute('data-state', 'online');

  // The uplink goes; the operating system still says "online".
  outage = true;
  for (const ws of live) await ws.close({ code: 1011, reason: 'uplink down' });
  live.clear();
  await expect(workspace).toHaveAttribute('data-state', 'offline');
  // It said "online" for up to 30 s more, while the workspace said "offline".
  await expect(header).not.toHaveAttribute('data-state', 'online', { timeout: 2_000 });
  await expect(header).toHaveText(t.connection_unreachable!);

  // Long enough for an exponential backoff to reach tens of seconds.
  await page.waitForTimeout(15_000);
  await expect(header).not.toHaveAttribute('data-state', 'online');
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);

  outage = false;
  const back = Date.now();
  await expect(workspace).toHaveAttribute('data-state', 'saved', { timeout: 3_000 });
  await expect(header).toHaveAttribute('data-state', 'online', { timeout: 1_000 });
  console.log(`in sync ${Date.now() - back} ms after the uplink returned`);

  await context.close();
  await closeAll(manager);
});

test('the header goes offline with the workspace and both come back together when the network returns', async ({ browser }) => {
  const t = messages('fr');
  const { copId, manager, others } = await copWithPeople(browser, ['member'], 'fr');
  const { page, context } = others[0]!;
  await page.goto(`/cops/${copId}/workspace`);
  const header = page.locator('.connection[data-state]');
  const workspace = page.locator('.workspace-top .sync-status');
  await expect(workspace).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });

  await context.setOffline(true);
  await expect(header).toHaveText(t.connection_offline!);
  await expect(workspace).toHaveAttribute('data-state', 'offline');

  await context.setOffline(false);
  const back = Date.now();
  await expect(workspace).toHaveAttribute('data-state', 'saved', { timeout: 3_000 });
  await expect(header).toHaveText(t.connection_online!, { timeout: 1_000 });
  console.log(`in sync ${Date.now() - back} ms after the network returned`);
  await closeAll(others[0]!, manager);
});
