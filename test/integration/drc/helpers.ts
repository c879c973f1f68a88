/** Event-driven waits for DRC integration tests (no sleeps): engine drc:state / drc:telemetry, simulator drc/down. */
import type { Engine } from '../../../electron/core/engine/engine';
import type { DrcSimEvent, DrcSimHandle } from '../../../electron/core/sim/drc/control';
import type { Sticks } from '../../../shared/control/sticks';
import type { DrcSessionView, DrcTelemetry } from '../../../shared/ipc/drc';

function within<T>(ms: number, what: string, run: (resolve: (v: T) => void) => () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    let off = (): void => {};
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${what}: not reached within ${ms} ms`));
    }, ms);
    off = run((v) => {
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

export function waitDrc(engine: Engine, gateway: string, pred: (v: DrcSessionView) => boolean, ms = 10_000): Promise<DrcSessionView> {
  return within(ms, `drc:state of ${gateway}`, (done) => {
    const off = engine.bus.on('drc:state', (v) => {
      if (v.gateway === gateway && pred(v)) done(v);
    });
    void Promise.resolve(engine.invoke['drc:sessions']()).then((list) => {
      const v = list.find((s) => s.gateway === gateway);
      if (v && pred(v)) done(v);
    });
    return off;
  });
}

export function waitTelemetry(engine: Engine, gateway: string, pred: (t: DrcTelemetry) => boolean, ms = 10_000): Promise<DrcTelemetry> {
  return within(ms, `drc:telemetry of ${gateway}`, (done) =>
    engine.bus.on('drc:telemetry', (t) => {
      if (t.gateway === gateway && pred(t)) done(t);
    }),
  );
}

/** The next drc/down message the simulated device receives that matches. */
export function nextDown(h: DrcSimHandle, pred: (e: DrcSimEvent) => boolean, ms = 5_000): Promise<DrcSimEvent> {
  return within(ms, `drc/down at ${h.gatewaySn}`, (done) => {
    const l = (e: DrcSimEvent): void => {
      if (pred(e)) done(e);
    };
    h.listeners.add(l);
    return () => h.listeners.delete(l);
  });
}

/** Plays the renderer: sends `drc:sticks` every `periodMs` with a fresh sample time until stopped. */
export function streamSticks(engine: Engine, gateway: string, sessionId: string, sticks: () => Sticks, periodMs = 50): () => void {
  const send = (): void => engine.sends['drc:sticks']({ gateway, sessionId, sticks: sticks(), sampledAt: Date.now() });
  send();
  const t = setInterval(send, periodMs);
  return () => clearInterval(t);
}

export const stickOf = (e: DrcSimEvent): { roll: number; pitch: number; throttle: number; yaw: number } => e.data as never;
