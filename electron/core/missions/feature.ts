/**
 * The missions capability: the wayline library (KMZ import/validation/export, routes drawn on the map), flight
 * tasks (prepare/execute/pause/recovery/undo/stop, return home) with live progress, the device requests
 * flighttask_resource_get / flighttask_progress_get, and the signed KMZ download the dock fetches.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Feature, FeatureFactory } from '../features/types';
import { WaylineLibrary } from './library';
import { UrlSigner, KMZ_PATH } from './signer';
import { MissionStore } from './store';
import { TaskManager } from './tasks';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const missionsFeature: FeatureFactory = (ctx): Feature => {
  const log = ctx.logger.child('missions');
  const store = new MissionStore(ctx.store.db);
  const library = new WaylineLibrary(store, ctx.dataDir, ctx.clock, log);
  const signer = new UrlSigner();
  const urlOf = (waylineId: string): string | null => {
    const a = ctx.httpAddress?.();
    return a ? `http://${a.host}:${a.port}${signer.path(waylineId, ctx.clock.now())}` : null;
  };
  const tasks = new TaskManager({ store, library, caller: ctx.caller, bus: ctx.bus, clock: ctx.clock, log, counters: ctx.counters, urlOf });
  const offEvent = ctx.onEvent((gw, method, data) => tasks.onEvent(gw, method, data));
  const changed = <T>(r: T): T => (ctx.bus.emit('missions:library', library.list()), r);

  const kmzRoute = (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (!url.pathname.startsWith(KMZ_PATH)) return false;
    const v = signer.verify(url, ctx.clock.now());
    if (!v.ok) {
      ctx.counters.inc(`missions.kmz_refused_${v.status}`);
      log.warn('KMZ download refused', { reason: v.reason, remote: req.socket.remoteAddress });
      res.writeHead(v.status, { 'content-type': 'text/plain' }).end(v.reason);
      return true;
    }
    const w = library.get(v.waylineId);
    const b = library.bytes(v.waylineId);
    if (!w.ok || !b.ok) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such wayline');
      return true;
    }
    ctx.counters.inc('missions.kmz_served');
    res.writeHead(200, { 'content-type': 'application/vnd.google-earth.kmz', 'content-length': b.value.length, etag: `"${w.value.md5}"`, 'cache-control': 'no-store' });
    res.end(Buffer.from(b.value));
    return true;
  };

  return {
    invoke: {
      'missions:list': () => library.list(),
      'missions:get': ({ id }) => library.get(id),
      'missions:import': ({ name, base64 }) => changed(library.import(name, Buffer.from(str(base64), 'base64'))),
      'missions:saveDraft': ({ id, name, draft }) => changed(library.saveDraft(id, name, draft)),
      'missions:export': ({ id }) => {
        const r = library.export(id);
        return r.ok ? { ok: true, value: { name: r.value.name, base64: Buffer.from(r.value.bytes).toString('base64') } } : r;
      },
      'missions:delete': ({ id }) => changed(library.delete(id)),
      'missions:favourite': ({ id, favourite }) =>
        changed(store.setFavourite(id, favourite) ? { ok: true as const, value: true as const } : { ok: false as const, error: { code: 'not_found', message: `No wayline with id ${id}.` } }),
      'missions:prepare': (req) => tasks.prepare(req),
      'missions:control': ({ gateway, flightId, action }) => tasks.control(gateway, flightId, action),
      'missions:tasks': (q) => store.tasks(q ?? {}),
      'missions:taskEvents': ({ flightId }) => store.events(flightId),
    },
    requests: {
      flighttask_resource_get: (_gw, data) => tasks.resource(str(data.flight_id)),
      flighttask_progress_get: (_gw, data) => tasks.progress(str(data.flight_id)),
    },
    publicHttpRoutes: [kmzRoute],
    stop: () => {
      offEvent();
      tasks.stop();
    },
  };
};
