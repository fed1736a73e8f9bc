/**
 * Who is signed in on this device, and their COPs — kept in localStorage so the app opens with
 * the last known data when there is no network.
 *
 * Invariant: only an explicit sign-out (or another person signing in) clears what is kept here.
 * When the server says the session is gone (401), everything stays; `sessionLost` turns on and
 * the shell asks the person to sign in again, after which they carry on where they were.
 *
 * What other parts hold for the person (the open workspace: its Y.Doc, socket and IndexedDB
 * handle) is let go through `onPersonLeft`, called whenever the person here stops being the one
 * signed in: sign-out, the session ended on this device, another tab signing out or someone else
 * signing in.
 */
import { browser } from '$app/environment';
import { connection } from '$lib/connection/connection-status.svelte';
import { onSessionLost } from '$lib/api/api-client';
import { NetworkError } from '$lib/api/api-error';
import { authApi } from '$lib/api/auth-api';
import { copsApi } from '$lib/api/cops-api';
import type { Cop, CopStanding, Language, Membership, User } from '$lib/api/types';
import { uiLocale } from '$lib/i18n/locale.svelte';

const STORAGE_KEY = 'atelier.account.v1';

interface Stored {
  user: User;
  memberships: Membership[];
  cops: Cop[];
  syncedAt: number | null;
}

function readStored(): Stored | null {
  if (!browser) return null;
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Stored) : null;
    return parsed?.user ? parsed : null;
  } catch {
    // Unreadable (private mode, corrupted): behave as a device nobody signed in on.
    return null;
  }
}

class Account {
  user = $state<User | null>(null);
  memberships = $state<Membership[]>([]);
  /** My COPs (every COP for the programme manager), active and archived, by name. */
  cops = $state<Cop[]>([]);
  /** When the data above last came from the server. */
  syncedAt = $state<number | null>(null);
  /** The server said our session is gone while someone was signed in here. */
  sessionLost = $state(false);
  /** True once the server has been asked at least once since the app opened (answer or not). */
  checked = $state(false);

  #started = false;
  /** Undoes what `start()` set up (listeners on the window and the API client). */
  #stopListening: (() => void) | null = null;
  readonly #personLeftListeners = new Set<() => void>();

  constructor() {
    this.#apply(readStored());
  }

  get signedIn(): boolean {
    return this.user !== null;
  }

  /** Signed in here and the server still agrees (or has not said otherwise). */
  get active(): boolean {
    return this.user !== null && !this.sessionLost;
  }

  get isManager(): boolean {
    return this.user?.isManager ?? false;
  }

  standingIn(copId: string): CopStanding {
    if (this.isManager) return 'manager';
    return this.memberships.find((m) => m.copId === copId)?.role ?? null;
  }

  /**
   * Starts listening for lost sessions and other tabs, then asks the server who we are. Returns
   * the stop (the app shell calls it when it goes away), which removes both listeners.
   */
  start(): () => void {
    if (!browser || this.#started) return () => this.stop();
    this.#started = true;
    const stopSessionLost = onSessionLost(() => {
      if (this.user) this.sessionLost = true;
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY) this.#apply(readStored());
    };
    addEventListener('storage', onStorage);
    this.#stopListening = () => {
      stopSessionLost();
      removeEventListener('storage', onStorage);
    };
    // Nobody signed in here: nothing to ask the server (a 401 would only be noise).
    if (this.user) void this.refresh();
    else this.checked = true;
    return () => this.stop();
  }

  /** Removes what `start()` added; `start()` may be called again afterwards. */
  stop() {
    this.#stopListening?.();
    this.#stopListening = null;
    this.#started = false;
  }

  /**
   * Calls `listener` each time the person signed in here stops being so (signed out here or in
   * another tab, session ended, someone else signed in). Returns the unsubscribe.
   */
  onPersonLeft(listener: () => void): () => void {
    this.#personLeftListeners.add(listener);
    return () => this.#personLeftListeners.delete(listener);
  }

  /** Re-reads me and my COPs from the server; offline, keeps what the device knows. */
  async refresh(): Promise<void> {
    await connection.whenProbed();
    if (!navigator.onLine || connection.noNetwork) {
      // The device knows there is no network: the device's copy stands, without a doomed request.
      this.checked = true;
      return;
    }
    try {
      const me = await authApi.me();
      if (this.user && this.user.id !== me.user.id) this.cops = [];
      this.#setUser(me.user);
      this.memberships = me.memberships;
      this.sessionLost = false;
      const all = await copsApi.list({ status: 'all' });
      this.cops = all.filter((c) => c.myRole !== null);
      this.syncedAt = Date.now();
      this.#save();
    } catch (error) {
      // Offline: the device's copy stands. 401: onSessionLost has already flagged it. Anything
      // else (a server fault) must not take the app down either: the kept copy still stands.
      if (!(error instanceof NetworkError) && !isUnauthorized(error)) console.warn('Could not refresh the account', error);
    } finally {
      this.checked = true;
    }
  }

  async signIn(email: string, password: string): Promise<User> {
    const { user } = await authApi.signIn(email, password);
    await this.adopt(user);
    return user;
  }

  /** Takes on a user the server has just signed in (sign-in, accepted invitation). */
  async adopt(user: User): Promise<void> {
    if (this.user && this.user.id !== user.id) {
      // Someone else on this device: the previous person's list is not theirs to see.
      this.memberships = [];
      this.cops = [];
    }
    this.#setUser(user);
    this.sessionLost = false;
    this.#save();
    // Signing in on a device set to the other language: the person's own choice wins.
    if (user.language !== uiLocale.current) uiLocale.set(user.language);
    await this.refresh();
  }

  /** Saves my name and preferred language (the account page); the interface follows the language. */
  async saveProfile(patch: { name: string; language: Language }): Promise<void> {
    const { user } = await authApi.updateMe(patch);
    this.user = user;
    this.#save();
    if (user.language !== uiLocale.current) uiLocale.set(user.language);
  }

  /**
   * The person switched the interface language: keep it as their account's preferred language
   * too, so other devices (and e-mails, exports) follow. Offline, the device's choice stands.
   */
  async saveLanguage(language: Language): Promise<void> {
    if (!this.user || this.user.language === language) return;
    try {
      const { user } = await authApi.updateMe({ language });
      this.user = user;
      this.#save();
    } catch (error) {
      if (!(error instanceof NetworkError) && !isUnauthorized(error)) console.warn('Could not save the language', error);
    }
  }

  /** Ends the session on the server, then forgets the account on this device. Needs a network. */
  async signOut(): Promise<void> {
    await authApi.signOut();
    this.forget();
  }

  forget() {
    this.#apply(null);
    if (browser) localStorage.removeItem(STORAGE_KEY);
  }

  /** Puts one COP's fresh copy into my list (after editing it, joining it…). */
  rememberCop(cop: Cop) {
    if (cop.myRole === null) {
      this.cops = this.cops.filter((c) => c.id !== cop.id);
    } else {
      const others = this.cops.filter((c) => c.id !== cop.id);
      this.cops = [...others, cop].sort((a, b) => a.name.localeCompare(b.name));
    }
    this.#save();
  }

  #apply(stored: Stored | null) {
    this.#setUser(stored?.user ?? null);
    this.memberships = stored?.memberships ?? [];
    this.cops = stored?.cops ?? [];
    this.syncedAt = stored?.syncedAt ?? null;
    if (!stored) this.sessionLost = false;
  }

  /** Every change of who is signed in goes through here, so those holding their data let go. */
  #setUser(user: User | null) {
    const left = this.user !== null && this.user.id !== user?.id;
    this.user = user;
    if (left) for (const listener of this.#personLeftListeners) listener();
  }

  #save() {
    if (!browser || !this.user) return;
    const stored: Stored = {
      user: $state.snapshot(this.user),
      memberships: $state.snapshot(this.memberships),
      cops: $state.snapshot(this.cops),
      syncedAt: this.syncedAt
    };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or refused: the app still works, it just won't open offline with this data.
    }
  }
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof Error && 'status' in error && (error as { status: number }).status === 401;
}

export const account = new Account();
