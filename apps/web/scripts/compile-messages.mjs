// Compiles messages/{en,fr}.json into src/lib/paraglide/ without Vite. The Vite plugin does this
// on dev and build, but svelte-check runs no Vite: on a fresh clone `pnpm check` found no
// compiled messages and failed on every `$lib/paraglide/…` import (issue 13).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

process.chdir(new URL('..', import.meta.url).pathname);
await compile(paraglideOptions);
