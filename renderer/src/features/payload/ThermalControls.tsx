/** IR metering mode, palette, isotherm (property/set) and the °C/°F setting. */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { IR_METERING_MODES } from '../../../../shared/protocol/payload/fields';
import { numberOf } from '../../../../shared/protocol/payload/osd';
import { PALETTES } from '../../../../shared/protocol/payload/thermal';
import { sendCommand, sendThermal } from './actions';
import type { PayloadSelection } from './selection';
import { payloadUi, setUnit } from './store';

export function ThermalControls({ client, sel }: { readonly client: OutpostClient; readonly sel: PayloadSelection }) {
  const unit = useStore(payloadUi, (s) => s.unit);
  const g = sel.osd.gimbal;
  const [lower, setLower] = useState(String(numberOf(g.thermal_isotherm_lower_limit) ?? 20));
  const [upper, setUpper] = useState(String(numberOf(g.thermal_isotherm_upper_limit) ?? 60));
  const iso = numberOf(g.thermal_isotherm_state) === 1;
  return (
    <div className="payload-controls">
      <div className="row">
        <select data-testid="ir-mode" value={numberOf(sel.osd.camera.ir_metering_mode) ?? 0} onChange={(e) => void sendCommand(client, sel.sn, { method: 'ir_metering_mode_set', data: { payload_index: sel.payloadIndex, mode: Number(e.target.value) as 0 } })}>
          {Object.entries(IR_METERING_MODES).map(([v, t]) => (
            <option key={v} value={v}>metering: {t}</option>
          ))}
        </select>
        <select data-testid="ir-palette" value={numberOf(g.thermal_current_palette_style) ?? ''} onChange={(e) => void sendThermal(client, sel.sn, sel.payloadIndex, { thermal_current_palette_style: Number(e.target.value) })}>
          {Object.entries(PALETTES).map(([v, t]) => (
            <option key={v} value={v}>{t}</option>
          ))}
        </select>
        <button data-testid="unit" onClick={() => setUnit(unit === 'C' ? 'F' : 'C')}>°{unit}</button>
      </div>
      <div className="row">
        <label>
          <input type="checkbox" checked={iso} onChange={(e) => void sendThermal(client, sel.sn, sel.payloadIndex, { thermal_isotherm_state: e.target.checked ? 1 : 0 })} /> isotherm
        </label>
        <input type="number" value={lower} onChange={(e) => setLower(e.target.value)} style={{ width: 50 }} /> –
        <input type="number" value={upper} onChange={(e) => setUpper(e.target.value)} style={{ width: 50 }} /> °C
        <button onClick={() => void sendThermal(client, sel.sn, sel.payloadIndex, { thermal_isotherm_lower_limit: Number(lower), thermal_isotherm_upper_limit: Number(upper) })}>Set</button>
      </div>
    </div>
  );
}
