/**
 * @atelier/workspace — the COP workspace model shared by the web app, the sync server and tests.
 */
export { copDocName, DocNameError, MAX_DOC_NAME_BYTES, parseDocName, workspaceDocName } from './doc-name';
export type { DocName } from './doc-name';
