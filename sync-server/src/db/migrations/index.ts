// The ordered list of every migration Atelier has shipped (one file each, numbered).
import type { Migration } from '../migrations';
import { accounts } from './001-accounts';

export const MIGRATIONS: readonly Migration[] = [accounts];
