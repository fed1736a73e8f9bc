import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from './storage-persistence';

describe('requestPersistentStorage', () => {
  it('reports persistent storage already granted without asking again', async () => {
    let asked = false;
    const storage = { persisted: async () => true, persist: async () => ((asked = true), true) };
    expect(await requestPersistentStorage(storage)).toBe('persistent');
    expect(asked).toBe(false);
  });

  it('asks, and reports a refusal so the page can warn', async () => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe('persistent');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('not-persistent');
    expect(
      await requestPersistentStorage({
        persisted: async () => false,
        persist: async () => {
          throw new Error('private window');
        }
      })
    ).toBe('not-persistent');
  });

  it('reports browsers without the Storage API as unsupported', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});
