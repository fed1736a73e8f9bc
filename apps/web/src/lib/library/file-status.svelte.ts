/**
 * Where a library file stands for this device, from what the device knows: its own upload queue,
 * the files it keeps, and what the server said about the file (HEAD).
 */
import type { LibraryFile } from '@atelier/workspace';
import { fileAvailability } from './file-availability.svelte';
import { keptFiles } from './kept-files.svelte';
import { uploads, type UploadStatus } from './uploads.svelte';

export type FileStatus =
  /** Added on this device, not yet on the server (waiting, uploading or refused). */
  | { kind: 'local'; upload: UploadStatus }
  /** A copy is kept on this device. */
  | { kind: 'kept' }
  /** The server does not have it yet: another device added it offline. */
  | { kind: 'pending' }
  /** On the server (or not known yet): opens with a network. */
  | { kind: 'remote' };

export function fileStatus(item: LibraryFile): FileStatus {
  const upload = uploads.get(item.fileId);
  if (upload) return { kind: 'local', upload };
  if (keptFiles.has(item.fileId)) return { kind: 'kept' };
  if (fileAvailability.of(item.fileId) === 'pending') return { kind: 'pending' };
  return { kind: 'remote' };
}
