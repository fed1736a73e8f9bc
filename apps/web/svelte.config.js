// The real configuration lives at the repository root (see ../../svelte.config.js).
export { default } from '../../svelte.config.js';
