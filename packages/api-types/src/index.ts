/**
 * @atelier/api-types — the JSON API's request and response shapes (see docs/api.md). The server
 * checks its answers against them (`satisfies`), the web client reads them: one definition.
 */
export * from './api-types';
export * from './events';
export * from './resources';
