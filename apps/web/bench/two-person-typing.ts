/**
 * Two people typing in one protocol at once, each in their own Chromium context (their own
 * device: own IndexedDB, own socket), each at the end of their own paragraph a few lines apart,
 * both on screen. For every key one of them types, two times:
 *
 * - own screen: keydown → the next frame painted (requestAnimationFrame, then a task after it);
 * - other screen: keydown on one page → that character painted on the other page, seen by a
 *   MutationObserver on the other page's editor and stamped in the frame after it.
 *
 * Both pages stamp with `performance.timeOrigin + performance.now()`: one browser on one
 * machine, so the two pages' clocks agree to well under a millisecond (checked and printed).
 * Keys go at KEYS_PER_SECOND on a fixed schedule (a late key does not push the next ones back).
 *
 * Where the time goes: each page also stamps the document-update frames its sync socket sends and
 * receives (`SOCKET_STAMPS`, an init script), so the other-screen time splits into my page (key →
 * frame sent), the wire and the server (sent → received on the other page: the server stores it
 * before relaying it) and the other page (received → painted).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { median, pct, profile } from './bench-kit';

export interface Typist {
  context: BrowserContext;
  page: Page;
  /** The paragraph this person types at the end of (its text starts with it, and is unique). */
  line: string;
}

export interface Figures {
  median: number;
  p95: number;
  max: number;
  count: number;
}

export interface TwoPersonResult {
  ownScreen: Figures;
  otherScreen: Figures;
  /** The other screen's time, split: key → frame sent, sent → received by the other page, received → painted. */
  stages: { toSocket: Figures; throughServer: Figures; toPaint: Figures };
  /** The other screen per direction, first person → second, then second → first. */
  directions: [Figures, Figures];
  clockSkewMs: number;
}

const figures = (xs: number[]): Figures => ({ median: median(xs), p95: pct(xs, 0.95), max: Math.max(...xs), count: xs.length });

/**
 * An init script (a string: tsx must not rewrite it) that stamps every Yjs update frame a page's
 * sockets send or receive (y-protocols sync message 0, update 2). Add it before the page loads.
 */
export const SOCKET_STAMPS = `{
  const Native = WebSocket;
  const now = () => performance.timeOrigin + performance.now();
  const frames = (window.__frames = { sent: [], received: [] });
  const isUpdate = (bytes) => bytes[0] === 0 && bytes[1] === 2;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data instanceof ArrayBuffer && isUpdate(new Uint8Array(e.data))) frames.received.push(now());
      });
    }
    send(data) {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
      if (bytes && isUpdate(bytes)) frames.sent.push(now());
      super.send(data);
    }
  };
}`;

/** Installed in each page: stamps my keys, and when the other person's characters are painted. */
function instrument(lines: { mine: string; theirs: string }) {
  const w = window as unknown as { __bench: { keys: number[]; own: number[]; seen: number[] } };
  const now = () => performance.timeOrigin + performance.now();
  const bench = (w.__bench = { keys: [] as number[], own: [] as number[], seen: [] as number[] });
  const root = document.querySelector('.ProseMirror')!;
  document.addEventListener(
    'keydown',
    () => {
      const t0 = now();
      bench.keys.push(t0);
      requestAnimationFrame(() => setTimeout(() => bench.own.push(now() - t0), 0));
    },
    true
  );
  /** The paragraph's own text, without the other person's caret and its name label inside it. */
  const textOf = (p: Element) => {
    let text = '';
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('.collaboration-carets__caret')) text += n.nodeValue;
    return text;
  };
  let theirs: Element | null = null;
  const find = () => {
    if (theirs?.isConnected && textOf(theirs).startsWith(lines.theirs)) return theirs;
    theirs = [...root.querySelectorAll('p')].find((p) => textOf(p).startsWith(lines.theirs)) ?? null;
    return theirs;
  };
  const baseLength = textOf(find()!).length;
  let counted = 0;
  new MutationObserver(() => {
    const p = find();
    if (!p) return;
    const typed = textOf(p).length - baseLength;
    if (typed <= counted) return;
    const from = counted;
    counted = typed;
    // Stamped once the frame showing them is painted.
    requestAnimationFrame(() =>
      setTimeout(() => {
        const t = now();
        for (let i = from; i < typed; i++) bench.seen[i] = t;
      }, 0)
    );
  }).observe(root, { subtree: true, childList: true, characterData: true });
}

/** Puts the caret at the end of this person's paragraph. */
async function caretAtEndOf(t: Typist) {
  const p = t.page.locator('.ProseMirror p', { hasText: t.line });
  await p.scrollIntoViewIfNeeded();
  await p.click();
  await t.page.keyboard.press('End');
}

/** Types `text` one key at a time on a fixed schedule of `keysPerSecond`. */
async function typeAtRate(page: Page, text: string, keysPerSecond: number) {
  const start = Date.now();
  for (let i = 0; i < text.length; i++) {
    const due = start + (i * 1000) / keysPerSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await page.keyboard.type(text[i]!);
  }
}

/** Words typed by each person: letters and spaces, as in a note taken during a meeting. */
function words(keys: number, seed: string): string {
  const pool = ['agreed', 'review', 'panel', 'notice', 'budget', 'partner', 'quorum', 'appeal', 'record', 'draft'];
  let text = '';
  for (let i = 0; text.length < keys; i++) text += `${pool[(i * 7 + seed.length) % pool.length]} `;
  return text.slice(0, keys);
}

/** How far the second page's clock is from the first's (ms), from interleaved readings. */
async function clockSkew(a: Page, b: Page): Promise<number> {
  const read = (p: Page) => p.evaluate(() => performance.timeOrigin + performance.now());
  const skews: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a1 = await read(a);
    const b1 = await read(b);
    const a2 = await read(a);
    skews.push(b1 - (a1 + a2) / 2);
  }
  return median(skews);
}

export async function twoPersonTyping(first: Typist, second: Typist, keys: number, keysPerSecond: number): Promise<TwoPersonResult> {
  for (const t of [first, second]) {
    await caretAtEndOf(t);
    // tsx (esbuild keepNames) wraps the named functions inside `instrument` in __name().
    await t.page.evaluate('window.__name = (f) => f');
  }
  await first.page.evaluate(instrument, { mine: first.line, theirs: second.line });
  await second.page.evaluate(instrument, { mine: second.line, theirs: first.line });
  const clockSkewMs = await clockSkew(first.page, second.page);
  const stopProfile = await profile(second.page, 'two-person-typing');
  await Promise.all([typeAtRate(first.page, words(keys, 'first'), keysPerSecond), typeAtRate(second.page, words(keys, 'second person'), keysPerSecond)]);
  // Let the last keys arrive.
  await new Promise((r) => setTimeout(r, 2_000));
  await stopProfile();
  type Stamps = { keys: number[]; own: number[]; seen: number[]; sent: number[]; received: number[] };
  const read = (p: Page) =>
    p.evaluate(() => {
      const w = window as unknown as { __bench: Stamps; __frames?: { sent: number[]; received: number[] } };
      return { ...w.__bench, sent: w.__frames?.sent ?? [], received: w.__frames?.received ?? [] };
    });
  const [a, b] = [await read(first.page), await read(second.page)];
  const arrivals = (from: Stamps, to: Stamps) => {
    const lost = from.keys.length - to.seen.filter((t) => t !== null && t !== undefined).length;
    if (lost > 0) throw new Error(`${lost} of ${from.keys.length} keys never showed on the other screen`);
    return from.keys.map((t, i) => to.seen[i]! - t);
  };
  const aToB = arrivals(a, b);
  const bToA = arrivals(b, a);
  const stages = { toSocket: [] as number[], throughServer: [] as number[], toPaint: [] as number[] };
  for (const [from, to] of [
    [a, b],
    [b, a]
  ] as const) {
    from.keys.forEach((key, i) => {
      // The first frame sent after the key carries it; the last frame received before it was painted brought it.
      const sent = from.sent.find((t) => t >= key);
      const received = to.received.filter((t) => t <= to.seen[i]!).pop();
      if (sent === undefined || received === undefined || received < sent) return;
      stages.toSocket.push(sent - key);
      stages.throughServer.push(received - sent);
      stages.toPaint.push(to.seen[i]! - received);
    });
  }
  return {
    ownScreen: figures([...a.own, ...b.own]),
    otherScreen: figures([...aToB, ...bToA]),
    stages: { toSocket: figures(stages.toSocket), throughServer: figures(stages.throughServer), toPaint: figures(stages.toPaint) },
    directions: [figures(aToB), figures(bToA)],
    clockSkewMs
  };
}
