/** The API's shapes live in @atelier/api-types, shared with the server that answers with them. */
export * from '@atelier/api-types';
