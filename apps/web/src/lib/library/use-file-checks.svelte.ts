/**
 * Asks the server (HEAD) about the files a page shows that this device neither keeps nor is
 * uploading, so items added offline elsewhere read "waiting for upload from another device"
 * until their bytes arrive; pending ones are asked again every few seconds while shown.
 */
import type { LibraryItem } from '@atelier/workspace';
import { fileAvailability, PENDING_RECHECK_MS } from './file-availability.svelte';
import { keptFiles } from './kept-files.svelte';
import { uploads } from './uploads.svelte';

export function useFileChecks(copId: () => string, items: () => LibraryItem[]) {
  const unknown = () =>
    items().filter(
      (i) => i.kind === 'file' && !uploads.get(i.fileId) && !keptFiles.has(i.fileId) && fileAvailability.of(i.fileId) !== 'available'
    ) as Extract<LibraryItem, { kind: 'file' }>[];

  $effect(() => {
    const id = copId();
    for (const item of unknown()) if (fileAvailability.of(item.fileId) === 'unknown') void fileAvailability.check(id, item.fileId);
    const timer = setInterval(() => {
      for (const item of unknown()) if (fileAvailability.of(item.fileId) === 'pending') void fileAvailability.check(id, item.fileId);
    }, PENDING_RECHECK_MS);
    return () => clearInterval(timer);
  });
}
