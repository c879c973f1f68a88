/** Every migration, in order. Append only: never edit or reorder a shipped one. */
import { migration0001 } from './0001_init';
import { migration0002 } from './0002_bindings';
import { migration0003 } from './0003_events';
import { migration0004 } from './0004_telemetry';
import { migration0005 } from './0005_missions';
import { migration0006 } from './0006_media';
import { migration0007 } from './0007_multipart_layout';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007];
