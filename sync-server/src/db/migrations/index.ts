// The ordered list of every migration Atelier has shipped (one file each, numbered).
import type { Migration } from '../migrations';

export const MIGRATIONS: readonly Migration[] = [];
