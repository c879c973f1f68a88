/** The shape of one numbered, append-only schema migration. */
import type { Db } from '../db';

export interface Migration {
  /** 1, 2, 3 … — equals the `PRAGMA user_version` after it ran. */
  readonly version: number;
  readonly name: string;
  /** Runs inside the transaction `migrate` opens; must not open its own. */
  up(db: Db): void;
}
