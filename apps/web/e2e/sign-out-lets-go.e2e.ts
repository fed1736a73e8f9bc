// Signing out lets go of the previous person's workspace: the page holds no document open any
// more (the app's own list, window.__atelierOpenDocuments), no sync socket stays open, every
// IndexedDB connection to a document is closed, and nothing of the app listens twice. The page's
// WebSocket, indexedDB.open and storage listeners are watched from an init script.
import type { Page } from '@playwright/test';
import { fill } from './support/accounts';
import { closeAll, copWithPeople } from './editor-people';
import { expect, messages, test } from './support/fixtures';

test.describe.configure({ timeout: 120_000 });

const en = messages('en');
/** WebSocket.readyState values (the Node test process has no WebSocket global to read them from). */
const OPEN = 1;
const CLOSED = 3;

interface Watched {
  openDocuments: string[];
  sockets: { url: string; state: number }[];
  databases: { name: string; closed: boolean }[];
  storageListeners: number;
}

/** What the page holds open, as the init script saw it. */
function watched(page: Page): Promise<Watched> {
  return page.evaluate(() => {
    const w = (window as unknown as { __watch: { sockets: WebSocket[]; databases: { name: string; db: IDBDatabase; closed: boolean }[]; storage: Set<unknown> } }).__watch;
    return {
      openDocuments: (window as unknown as { __atelierOpenDocuments: () => string[] }).__atelierOpenDocuments(),
      sockets: w.sockets.map((s) => ({ url: s.url, state: s.readyState })),
      databases: w.databases.map((d) => ({ name: d.name, closed: d.closed })),
      storageListeners: w.storage.size
    };
  });
}

test('signing out closes the previous person\'s workspace: socket, IndexedDB connection, listeners', async ({ browser }) => {
  const { copId, manager, others } = await copWithPeople(browser, ['member']);
  const member = others[0]!;
  const page = member.page;
  await page.context().addInitScript(() => {
    const watch = { sockets: [] as WebSocket[], databases: [] as { name: string; db: IDBDatabase; closed: boolean }[], storage: new Set<unknown>() };
    (window as unknown as { __watch: typeof watch }).__watch = watch;
    const NativeWebSocket = window.WebSocket;
    window.WebSocket = class extends NativeWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        watch.sockets.push(this);
      }
    };
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      const request = version === undefined ? open(name) : open(name, version);
      request.addEventListener('success', () => {
        const entry = { name, db: request.result, closed: false };
        watch.databases.push(entry);
        const close = entry.db.close.bind(entry.db);
        entry.db.close = () => {
          entry.closed = true;
          close();
        };
      });
      return request;
    };
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    window.addEventListener = ((type: string, listener: unknown, options?: unknown) => {
      if (type === 'storage') watch.storage.add(listener);
      add(type, listener as EventListener, options as AddEventListenerOptions);
    }) as typeof window.addEventListener;
    window.removeEventListener = ((type: string, listener: unknown, options?: unknown) => {
      if (type === 'storage') watch.storage.delete(listener);
      remove(type, listener as EventListener, options as EventListenerOptions);
    }) as typeof window.removeEventListener;
  });

  // The member opens the workspace: its socket and its local copy are open.
  await page.goto(`/cops/${copId}/workspace`);
  await expect(page.getByText(en.sync_saved!)).toBeVisible({ timeout: 20_000 });
  const before = await watched(page);
  const workspaceSocket = (s: { url: string }) => s.url.endsWith(`/sync/cop/${copId}`);
  expect(before.sockets.filter(workspaceSocket).map((s) => s.state)).toContain(OPEN);
  expect(before.databases.filter((d) => d.name === `cop/${copId}`).some((d) => !d.closed)).toBe(true);
  expect(before.storageListeners).toBe(1);
  expect(before.openDocuments).toEqual([`cop/${copId}`]);

  // Signing out: the workspace is closed by the app, not merely refused by the server.
  await page.getByRole('button', { name: fill(en.account_menu_label, { name: member.person.name }) }).click();
  await page.getByRole('button', { name: en.sign_out, exact: true }).click();
  await expect(page.getByRole('link', { name: en.sign_in, exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => (await watched(page)).databases.filter((d) => d.name.startsWith('cop/') && !d.closed).map((d) => d.name), { timeout: 10_000 })
    .toEqual([]);
  const after = await watched(page);
  expect(after.openDocuments, 'documents still held open after signing out').toEqual([]);
  expect(after.sockets.filter((s) => s.url.includes('/sync/') && s.state !== CLOSED)).toEqual([]);
  expect(after.storageListeners, 'one storage listener for the account, not one more per sign-in').toBe(1);

  // Someone else signs in on the same page (no reload): still one listener.
  await page.getByRole('link', { name: en.sign_in, exact: true }).first().click();
  await page.getByLabel(en.field_email!).fill(manager.person.email);
  await page.getByLabel(en.field_password!).fill(manager.person.password);
  await page.getByRole('button', { name: en.sign_in, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.my_cops_title })).toBeVisible({ timeout: 20_000 });
  expect((await watched(page)).storageListeners).toBe(1);

  await closeAll(manager, member);
});
