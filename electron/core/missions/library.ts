/**
 * The wayline library: a KMZ is validated in full, written to DATA_DIR/waylines/<id>.kmz (temp file + rename),
 * then its row is committed; if the row fails the file is removed, so nothing is ever half-imported.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WaylineDetail, WaylineSummary } from '../../../shared/ipc/missions';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import { DRAFT_HEIGHT_MODES, draftToWpml, droneName, isDraftHeightMode, parseKmz, routeStats, writeKmz, type RouteDraft, type WpmlFile } from '../../../shared/wpml';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/log';
import { MissionStore, toSummary, type WaylineRow } from './store';

export const md5Of = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');
const NAME_MAX = 120;

export class WaylineLibrary {
  private readonly dir: string;
  constructor(
    private readonly store: MissionStore,
    dataDir: string,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.dir = join(dataDir, 'waylines');
    mkdirSync(this.dir, { recursive: true });
  }

  fileOf(id: string): string {
    return join(this.dir, `${id}.kmz`);
  }

  list(): WaylineSummary[] {
    return this.store.waylines().map((w) => toSummary(w, nameOf(w)));
  }

  get(id: string): Result<WaylineDetail> {
    const w = this.store.wayline(id);
    return w ? ok({ ...w, droneName: nameOf(w) }) : err(appError('not_found', `No wayline with id ${id}.`));
  }

  bytes(id: string): Result<Uint8Array> {
    try {
      return ok(readFileSync(this.fileOf(id)));
    } catch (e) {
      return err(appError('file_missing', `The KMZ of wayline ${id} is missing from the data folder: ${(e as Error).message}`));
    }
  }

  import(name: string, bytes: Uint8Array): Result<WaylineSummary> {
    const parsed = parseKmz(bytes);
    if (!parsed.ok) {
      this.log.warn('wayline import refused', { name, error: parsed.error.message });
      return parsed;
    }
    return this.store_(randomUUID(), cleanName(name), parsed.value.file, bytes, null);
  }

  saveDraft(id: string | undefined, name: string, draft: RouteDraft): Result<WaylineSummary> {
    if (id !== undefined && !this.store.wayline(id)) return err(appError('not_found', `No wayline with id ${id}.`));
    if (draft.waypoints.length < 2) return err(appError('invalid_route', `A route needs at least 2 waypoints; this one has ${draft.waypoints.length}.`));
    if (draft.heightMode !== undefined && !isDraftHeightMode(draft.heightMode)) {
      return err(appError('invalid_route', `Height mode "${String(draft.heightMode)}" cannot be drawn in Outpost; use one of ${DRAFT_HEIGHT_MODES.join(', ')}.`));
    }
    const file = draftToWpml(draft, this.clock.now());
    const bytes = writeKmz(file);
    // Outpost's own importer must accept what Outpost writes: same checks as a file from disk.
    const check = parseKmz(bytes);
    if (!check.ok) return check;
    return this.store_(id ?? randomUUID(), cleanName(name), file, bytes, draft);
  }

  delete(id: string): Result<true> {
    if (!this.store.deleteWayline(id)) return err(appError('not_found', `No wayline with id ${id}.`));
    rmSync(this.fileOf(id), { force: true });
    return ok(true);
  }

  private store_(id: string, name: string, file: WpmlFile, bytes: Uint8Array, draft: RouteDraft | null): Result<WaylineSummary> {
    const stats = routeStats(file);
    const now = this.clock.now();
    const prev = this.store.wayline(id);
    const row: WaylineRow = {
      id,
      name,
      droneEnumValue: file.mission.drone.enumValue,
      droneSubEnumValue: file.mission.drone.subEnumValue ?? 0,
      payloadEnumValues: file.mission.payloads.map((p) => p.enumValue),
      templateTypes: [...new Set(file.templates.map((t) => t.templateType))],
      distanceM: stats.distanceM,
      durationS: stats.durationS,
      waypointCount: stats.waypointCount,
      heightMode: stats.heightMode,
      path: stats.path,
      draft,
      favourite: prev?.favourite ?? false,
      md5: md5Of(bytes),
      sizeBytes: bytes.length,
      createdAt: prev?.createdAt ?? now,
      updatedAt: now,
    };
    const final = this.fileOf(id);
    const tmp = `${final}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, bytes);
      this.store.transaction(() => {
        this.store.insertWayline(row);
        renameSync(tmp, final);
      });
    } catch (e) {
      rmSync(tmp, { force: true });
      return err(appError('store_failed', `Could not store wayline "${name}": ${(e as Error).message}`));
    }
    this.log.info('wayline stored', { id, name, waypoints: row.waypointCount, md5: row.md5 });
    return ok(toSummary(row, nameOf(row)));
  }

  /** The exportable KMZ (the stored bytes: what was imported or written). */
  export(id: string): Result<{ name: string; bytes: Uint8Array }> {
    const w = this.store.wayline(id);
    if (!w) return err(appError('not_found', `No wayline with id ${id}.`));
    const b = this.bytes(id);
    return b.ok ? ok({ name: `${w.name}.kmz`, bytes: b.value }) : b;
  }
}

const nameOf = (w: WaylineRow): string => droneName({ enumValue: w.droneEnumValue, subEnumValue: w.droneSubEnumValue }) ?? `Drone ${w.droneEnumValue}-${w.droneSubEnumValue}`;

/** The route name is the file name without .kmz (overview.md note 2). */
function cleanName(name: string): string {
  const base = name.replace(/\.kmz$/i, '').replace(/\p{Cc}/gu, '').trim();
  return (base || 'Untitled route').slice(0, NAME_MAX);
}
