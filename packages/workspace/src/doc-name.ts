/**
 * Names of a COP's Yjs documents, shared by the web client and the sync server.
 * `cop/{copId}` is the workspace document; `cop/{copId}/{segment}(/{segment})*` are its other
 * documents (notes, protocols…). Segments are letters, digits, `-` and `_`; the whole name is at
 * most 256 bytes. The server checks the raw request path, so percent-encoding, `.`/`..` and empty
 * segments are refused rather than normalised.
 */
export const MAX_DOC_NAME_BYTES = 256;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

export interface DocName {
  /** The full name, e.g. `cop/abc123/notes/n1`. */
  name: string;
  /** The COP the document belongs to. */
  copId: string;
  /** Segments after the COP id; empty for the workspace document. */
  path: string[];
  /** True for `cop/{copId}` itself. */
  isWorkspace: boolean;
}

export class DocNameError extends Error {
  override name = 'DocNameError';
}

export function parseDocName(name: string): DocName {
  if (new TextEncoder().encode(name).length > MAX_DOC_NAME_BYTES) {
    throw new DocNameError(`document name is longer than ${MAX_DOC_NAME_BYTES} bytes`);
  }
  const parts = name.split('/');
  if (parts[0] !== 'cop' || parts.length < 2) {
    throw new DocNameError('document name must start with cop/{copId}');
  }
  const [, copId, ...path] = parts;
  for (const segment of [copId!, ...path]) {
    if (!SEGMENT.test(segment)) {
      throw new DocNameError(`"${segment}" is not a valid segment (letters, digits, - and _ only)`);
    }
  }
  return { name, copId: copId!, path, isWorkspace: path.length === 0 };
}

export function workspaceDocName(copId: string): string {
  return parseDocName(`cop/${copId}`).name;
}

export function copDocName(copId: string, ...path: string[]): string {
  return parseDocName(['cop', copId, ...path].join('/')).name;
}
