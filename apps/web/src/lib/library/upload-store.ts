/**
 * Files waiting to upload, kept in IndexedDB (`atelier-uploads`) with their bytes, so a file
 * added at a venue with no network survives closing the app and uploads when the network returns.
 */
export interface QueuedUpload {
  fileId: string;
  copId: string;
  fileName: string;
  contentType: string;
  size: number;
  blob: Blob;
  queuedAt: number;
}

const DB_NAME = 'atelier-uploads';
const STORE = 'uploads';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'fileId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const uploadStore = {
  all: () => run<QueuedUpload[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedUpload[]>),
  get: (fileId: string) => run<QueuedUpload | undefined>('readonly', (s) => s.get(fileId) as IDBRequest<QueuedUpload | undefined>),
  put: (upload: QueuedUpload) => run('readwrite', (s) => s.put(upload)),
  delete: (fileId: string) => run('readwrite', (s) => s.delete(fileId))
};
