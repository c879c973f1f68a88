/** Dock 3 in DRC: exposure (ISO, shutter, aperture per lens), wide-lens shutter/dewarping, night mode and IR photo format on drc/down. */
import { useState } from 'react';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { DrcCameraRequest } from '../../../../shared/ipc/payload';
import { APERTURE_VALUES, DENOISE_LEVELS, DRC_CAMERA_COMMANDS, IR_PHOTO_FORMATS, ISO_VALUES, NIGHT_MODES, SHUTTER_VALUES } from '../../../../shared/protocol/payload/drc-camera';
import type { DrcCameraTarget } from './drcCamera';
import { say } from './store';

async function send(client: OutpostClient, req: DrcCameraRequest): Promise<void> {
  const title = DRC_CAMERA_COMMANDS.get(req.method)?.title ?? req.method;
  try {
    const r = await client.invoke('payload:drcCamera', req);
    say(r.ok, r.ok ? `${title}: done` : r.error.message);
  } catch (e) {
    say(false, `${title}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function Pick({ id, label, table, value, onPick }: { id: string; label: string; table: Readonly<Record<number, string>>; value: number | undefined; onPick: (v: number) => void }) {
  return (
    <select data-testid={id} value={value ?? ''} onChange={(e) => onPick(Number(e.target.value))}>
      {value === undefined && <option value="">{label}: --</option>}
      {Object.entries(table).map(([v, t]) => (
        <option key={v} value={v}>
          {label}: {t}
        </option>
      ))}
    </select>
  );
}

export function ExposureNight({ client, t }: { readonly client: OutpostClient; readonly t: DrcCameraTarget }) {
  const [lens, setLens] = useState<'wide' | 'zoom'>('zoom');
  const r = t.report;
  const base = { sn: t.sn };
  const payload_index = t.payloadIndex;
  const go = (req: DrcCameraRequest): void => void send(client, req);
  return (
    <div className="payload-controls" data-testid="exposure-night">
      <div className="row muted">Exposure &amp; night (DRC)</div>
      <div className="row">
        <select data-testid="drc-lens" value={lens} onChange={(e) => setLens(e.target.value as 'wide' | 'zoom')}>
          <option value="zoom">zoom lens</option>
          <option value="wide">wide lens</option>
        </select>
        <Pick id="drc-iso" label="ISO" table={ISO_VALUES} value={r[`${lens}_iso`]} onPick={(v) => go({ ...base, method: 'drc_camera_iso_set', data: { payload_index, camera_type: lens, iso_value: v } })} />
        <Pick id="drc-shutter" label="Shutter" table={SHUTTER_VALUES} value={r[`${lens}_shutter_speed`]} onPick={(v) => go({ ...base, method: 'drc_camera_shutter_set', data: { payload_index, camera_type: lens, shutter_value: v } })} />
        <Pick id="drc-aperture" label="Aperture" table={APERTURE_VALUES} value={r[`${lens}_aperture_value`]} onPick={(v) => go({ ...base, method: 'drc_camera_aperture_value_set', data: { payload_index, camera_type: lens, aperture_value: v } })} />
      </div>
      <div className="row">
        <Pick id="drc-night" label="Night" table={NIGHT_MODES} value={r.night_mode} onPick={(v) => go({ ...base, method: 'drc_camera_night_mode_set', data: { payload_index, mode: v as 0 } })} />
        <Pick id="drc-denoise" label="Denoise" table={DENOISE_LEVELS} value={r.denoise_level} onPick={(v) => go({ ...base, method: 'drc_camera_denoise_level_set', data: { payload_index, level: v as 2 } })} />
        <Pick id="drc-ir-format" label="IR photo" table={IR_PHOTO_FORMATS} value={r.photo_format} onPick={(v) => go({ ...base, method: 'drc_camera_photo_format_set', data: { payload_index, photo_format: v as 7 } })} />
      </div>
      <div className="row">
        <label>
          <input type="checkbox" checked={r.night_vision_enable === true} onChange={(e) => go({ ...base, method: 'drc_camera_night_vision_enable', data: { payload_index, enable: e.target.checked } })} /> B/W night vision
        </label>
        <label>
          <input type="checkbox" checked={r.infrared_fill_light_enable === true} onChange={(e) => go({ ...base, method: 'drc_infrared_fill_light_enable', data: { payload_index, enable: e.target.checked } })} /> NIR fill light
        </label>
        {/* Not reported by either push: these send the chosen state. */}
        <button onClick={() => go({ ...base, method: 'drc_camera_mechanical_shutter_set', data: { payload_index, camera_type: 'wide', mechanical_shutter_state: 0 } })}>Mech. shutter off</button>
        <button onClick={() => go({ ...base, method: 'drc_camera_mechanical_shutter_set', data: { payload_index, camera_type: 'wide', mechanical_shutter_state: 1 } })}>on</button>
        <button onClick={() => go({ ...base, method: 'drc_camera_dewarping_set', data: { payload_index, camera_type: 'wide', dewarping_state: 1 } })}>Dewarp on</button>
        <button onClick={() => go({ ...base, method: 'drc_camera_dewarping_set', data: { payload_index, camera_type: 'wide', dewarping_state: 0 } })}>off</button>
      </div>
    </div>
  );
}
