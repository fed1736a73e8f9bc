/**
 * Reads one Resource Centre item (or one of its versions) for a page, whoever is looking:
 * signed in, through `/api/resources`; signed out — or when the server says there is no session —
 * through `/api/public/resources`, which answers for items the programme manager made public.
 * With no network it shows the copy this device kept the last time it opened the page.
 */
import { ApiRequestError, NetworkError } from '$lib/api/api-error';
import { publicResourcesApi, resourcesApi, type ResourceItemDetail, type ResourceVersion } from '$lib/api/resources-api';
import { keepCopy, keptCopy } from './offline-copies';

export type ReadProblem = 'needs-account' | 'not-found' | 'offline' | 'other';

export class ResourceReader<T> {
  value = $state<T | null>(null);
  /** Read through the public API (signed out, or the session is gone). */
  viaPublic = $state(false);
  /** Showing the copy kept on this device, saved at this time. */
  offlineCopyFrom = $state<number | null>(null);
  problem = $state<ReadProblem | null>(null);
  error = $state<unknown>(null);
  loading = $state(true);

  constructor(
    private readonly signedIn: () => Promise<T>,
    private readonly anonymous: () => Promise<T>,
    private readonly cacheKey: { itemId: string; version?: number }
  ) {}

  async load(hasAccount: boolean) {
    this.loading = true;
    try {
      let value: T;
      if (hasAccount) {
        try {
          value = await this.signedIn();
          this.viaPublic = false;
        } catch (error) {
          if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
          this.viaPublic = true;
          value = await this.anonymous();
        }
      } else {
        this.viaPublic = true;
        value = await this.anonymous();
      }
      this.value = value;
      this.offlineCopyFrom = null;
      this.problem = null;
      keepCopy(value, this.cacheKey.itemId, this.cacheKey.version);
    } catch (error) {
      const kept = keptCopy<T>(this.cacheKey.itemId, this.cacheKey.version);
      if (error instanceof NetworkError && kept) {
        this.value = kept.value;
        this.offlineCopyFrom = kept.savedAt;
        this.problem = null;
      } else {
        this.error = error;
        this.problem =
          error instanceof NetworkError
            ? 'offline'
            : error instanceof ApiRequestError && error.status === 404
              ? hasAccount && !this.viaPublic
                ? 'not-found'
                : 'needs-account'
              : 'other';
      }
    } finally {
      this.loading = false;
    }
  }
}

export function itemReader(itemId: string) {
  return new ResourceReader<ResourceItemDetail>(
    () => resourcesApi.get(itemId),
    () => publicResourcesApi.get(itemId),
    { itemId }
  );
}

export function versionReader(itemId: string, version: number) {
  return new ResourceReader<{ item: ResourceItemDetail | null; version: ResourceVersion }>(
    async () => ({ item: await resourcesApi.get(itemId), version: await resourcesApi.version(itemId, version) }),
    async () => ({ item: await publicResourcesApi.get(itemId), version: await publicResourcesApi.version(itemId, version) }),
    { itemId, version }
  );
}
