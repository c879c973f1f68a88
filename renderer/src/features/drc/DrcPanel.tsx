/**
 * Fly it: DRC for the selected dock or remote controller. Enter/exit, the emergency stop (button,
 * gamepad binding, Space), cancel return home while the aircraft flies home, the session's state and
 * why it ended, the dead-man state, what the last button action did, the HUD, and the key help.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { defaultProfile } from '../../../../shared/control/profile';
import { speedModeSpec } from '../../../../shared/control/speed';
import type { DrcSessionView } from '../../../../shared/ipc/drc';
import { devicesStore } from '../../state/devices';
import { useDevices } from '../../state/hooks';
import { Calibration } from './Calibration';
import { Hud } from './Hud';
import { emergencyStop, startInputLoop } from './input';
import { KeyHelp } from './KeyHelp';
import { loadProfile } from './profiles';
import { drcStore, receiveSession, receiveTelemetry, setAction, setError } from './store';
import './drc.css';

const PHASE_TEXT: Readonly<Record<DrcSessionView['phase'], string>> = {
  grabbing: 'Grabbing flight authority…',
  requesting: 'Asking Pilot 2 for cloud control…',
  awaiting_pilot: 'Waiting for the pilot to accept on the remote controller…',
  entering: 'Entering DRC…',
  active: 'DRC active',
  exiting: 'Exiting DRC…',
  ended: 'DRC ended',
};

/** Aircraft mode_code 9: returning home (enums.md, "Mode code"), what "Cancel return home" can stop. */
const RETURNING = 9;

/** The gateway of the selected device (an aircraft flies through its dock or RC). */
const selectedGateway = (): string | null => {
  const { devices, selected } = devicesStore.getState();
  if (selected === null) return null;
  const d = devices[selected];
  if (!d) return null;
  const gw = d.gateway ?? d.sn;
  const g = devices[gw];
  return g && (g.deviceClass === 'dock' || g.deviceClass === 'rc') ? gw : null;
};

export function DrcPanel({ client }: { readonly client: OutpostClient }) {
  const selected = useDevices((s) => s.selected);
  const devices = useDevices((s) => s.devices);
  const sessions = useStore(drcStore, (s) => s.sessions);
  const telemetry = useStore(drcStore, (s) => s.telemetry);
  const input = useStore(drcStore, (s) => s.input);
  const error = useStore(drcStore, (s) => s.error);
  const action = useStore(drcStore, (s) => s.action);
  const speedMode = useStore(drcStore, (s) => s.speedMode);
  const rthHold = useStore(drcStore, (s) => s.rthHold);
  const [calibrating, setCalibrating] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    const offs = [client.on('drc:state', receiveSession), client.on('drc:telemetry', receiveTelemetry)];
    void client.invoke('drc:sessions', undefined).then((list) => list.forEach(receiveSession));
    const stop = startInputLoop({ client, gateway: selectedGateway, profile: loadProfile });
    return () => {
      stop();
      offs.forEach((off) => off());
    };
  }, [client]);

  const gw = selected === null ? null : selectedGateway();
  if (gw === null) return null;
  const session = sessions[gw] ?? null;
  const gateway = devices[gw];
  const aircraft = gateway?.children[0] ? devices[gateway.children[0]] : undefined;
  const live = session !== null && session.phase !== 'ended';
  const run = (f: () => Promise<void>): void => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    void f().finally(() => (busy.current = false));
  };
  const enter = (): void =>
    run(async () => {
      const r = await client.invoke('drc:enter', { gateway: gw, takeover: live });
      if (!r.ok) setError(r.error.message);
    });
  const exit = (): void =>
    run(async () => {
      const r = await client.invoke('drc:exit', { gateway: gw });
      if (!r.ok) setError(r.error.message);
    });
  const returning = aircraft?.groups.status?.fields.mode_code === RETURNING;
  const cancelReturn = (): void =>
    run(async () => {
      setAction(true, 'Cancel return home: sending…');
      try {
        const r = await client.invoke('drc:returnHomeCancel', { gateway: gw });
        setAction(r.ok, r.ok ? r.value.text : r.error.message);
      } catch (e) {
        setAction(false, `Cancel return home: ${e instanceof Error ? e.message : String(e)}`);
      }
    });

  return (
    <section className="drc-panel" data-testid="drc-panel">
      <header className="drc-head">
        <span>Fly {gateway?.callsign ?? gw}</span>
        <span className={`drc-phase phase-${session?.phase ?? 'none'}`} data-testid="drc-phase">
          {session ? PHASE_TEXT[session.phase] : 'Not in DRC'}
        </span>
      </header>
      <div className="drc-actions">
        {live ? (
          <button onClick={exit} data-testid="drc-exit">
            Exit DRC
          </button>
        ) : (
          <button onClick={enter} data-testid="drc-enter">
            Enter DRC
          </button>
        )}
        <button className="drc-estop" onClick={() => emergencyStop(client, gw)} data-testid="drc-estop" title="Emergency stop (Space, or the bound gamepad button)">
          EMERGENCY STOP
        </button>
        {returning ? (
          <button onClick={cancelReturn} data-testid="drc-rth-cancel" title="The aircraft stops and hovers; in DRC the sticks fly it from there">
            Cancel return home
          </button>
        ) : null}
        <button onClick={() => setCalibrating((c) => !c)} data-testid="drc-calibrate">
          Gamepad…
        </button>
      </div>
      {session?.end ? (
        <p className="drc-end" role="alert" data-testid="drc-end" data-reason={session.end.reason}>
          {session.end.message}
        </p>
      ) : null}
      {session?.phase === 'active' ? (
        <p className={`drc-input input-${session.input.state}`} data-testid="drc-input" data-state={session.input.state} data-buttons={input.buttons.join(' ')}>
          {session.input.why ?? `Flying with the ${input.source}${input.gamepadId ? ` (${input.gamepadId})` : ''}`}
        </p>
      ) : null}
      {input.notice ? <p className="drc-notice" data-testid="drc-notice">{input.notice}</p> : null}
      {error ? (
        <p className="drc-error" role="alert" data-testid="drc-error">
          {error}
        </p>
      ) : null}
      {action ? (
        <p className={`drc-action ${action.ok ? '' : 'error'}`} role="status" data-testid="drc-action" data-ok={action.ok}>
          {action.text}
        </p>
      ) : null}
      <Hud session={session} telemetry={telemetry[gw]} aircraft={aircraft} gateway={gateway} speed={speedModeSpec(speedMode)} rthHold={rthHold} />
      <KeyHelp profile={input.gamepadId ? loadProfile(input.gamepadId) : defaultProfile()} />
      {calibrating ? <Calibration onClose={() => setCalibrating(false)} /> : null}
    </section>
  );
}
