/** Every migration, in order. Append only: never edit or reorder a shipped one. */
import { migration0001 } from './0001_init';
import { migration0002 } from './0002_bindings';
import { migration0003 } from './0003_events';
import { migration0004 } from './0004_telemetry';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004];
