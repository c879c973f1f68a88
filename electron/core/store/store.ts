/** Opens the Outpost database, migrates it, and hands out one store per domain. */
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { systemClock, type Clock } from '../util/clock';
import { silentLogger, type Logger } from '../util/log';
import { createBindingStore, type BindingStore } from './bindings';
import { openDatabase, type Db } from './db';
import { createDeviceStore, type DeviceStore } from './devices';
import { createEventStore, type EventStore } from './events';
import { migrate } from './migrate';
import { createRecorder, type RecorderOptions, type TelemetryRecorder } from './telemetry';
import { createTopologyStore, type TopologyStore } from './topology';

export interface StoreOptions {
  readonly nativeBinding?: string;
  readonly busyTimeoutMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly recorder?: Omit<RecorderOptions, 'clock' | 'logger'>;
}

export interface Store {
  readonly db: Db;
  readonly devices: DeviceStore;
  readonly topology: TopologyStore;
  readonly bindings: BindingStore;
  readonly events: EventStore;
  readonly recorder: TelemetryRecorder;
  /** Flushes the recorder and closes the database. Idempotent. */
  close(): void;
}

export function openStore(file: string, opts: StoreOptions = {}): Result<Store> {
  const log = (opts.logger ?? silentLogger).child('store');
  let db: Db;
  try {
    db = openDatabase(file, {
      ...(opts.nativeBinding === undefined ? {} : { nativeBinding: opts.nativeBinding }),
      ...(opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs }),
    });
  } catch (e) {
    return err(appError('db_open_failed', `Could not open the database ${file}: ${(e as Error).message}`));
  }
  const migrated = migrate(db);
  if (!migrated.ok) {
    db.close();
    return migrated;
  }
  if (migrated.value.applied.length > 0) log.info('database migrated', { file, ...migrated.value });

  // The recorder's writer thread opens its own connection with the same binding and busy timeout.
  const recorder = createRecorder(db, {
    ...(opts.nativeBinding === undefined ? {} : { nativeBinding: opts.nativeBinding }),
    ...(opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs }),
    ...opts.recorder,
    clock: opts.clock ?? systemClock,
    logger: log.child('telemetry'),
  });
  let closed = false;
  return ok({
    db,
    devices: createDeviceStore(db),
    topology: createTopologyStore(db),
    bindings: createBindingStore(db),
    events: createEventStore(db),
    recorder,
    close: () => {
      if (closed) return;
      closed = true;
      const flushed = recorder.close();
      if (!flushed.ok) log.error('telemetry lost on close', { error: flushed.error.message, pending: recorder.stats().pending });
      db.close();
    },
  });
}
