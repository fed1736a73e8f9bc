/**
 * One upload of a library file: `PUT /api/cops/{copId}/files/{fileId}` with the raw bytes, through
 * XMLHttpRequest because only it reports upload progress. The id is the client's, so sending the
 * same file again after a failure is answered 200 with the stored file, never stored twice.
 */
import { ApiRequestError, errorFromResponse, NetworkError } from '$lib/api/api-error';
import { fileUrl } from './file-id';

export interface UploadInput {
  copId: string;
  fileId: string;
  fileName: string;
  blob: Blob;
}

/** What the server answers: `{file}` (docs/api.md). */
export interface StoredFile {
  id: string;
  size: number;
  contentType: string;
  fileName: string;
}

export function uploadFile(input: UploadInput, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return reject(new NetworkError(new Error('offline')));
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', fileUrl(input.copId, input.fileId));
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(input.fileName));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.ontimeout = () => reject(new NetworkError(new Error('upload timed out')));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' }
      });
      if (xhr.status === 200 || xhr.status === 201) {
        onProgress(1);
        response.json().then((body) => resolve(body as StoredFile), reject);
      } else if (xhr.status === 0) {
        reject(new NetworkError(new Error('no answer')));
      } else {
        errorFromResponse(response).then(reject, reject);
      }
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(input.blob);
  });
}

/** A refusal that sending again will not change (too large, wrong type, not allowed, id taken). */
export function isFinalRefusal(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && [400, 403, 404, 409, 413, 415].includes(error.status);
}
