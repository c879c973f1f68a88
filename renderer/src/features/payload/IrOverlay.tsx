/**
 * Thermal overlay over the IR tile, from the aircraft OSD: metering point and its temperature; the area with its
 * average and its coldest/hottest points; the frame's global min/max; palette and isotherm. Positions come from
 * overlayGeometry (letterbox-aware), so the overlay stays on the video whatever the tile's size.
 */
import { GAIN_MODES, PALETTES } from '../../../../shared/protocol/payload/thermal';
import { meteringArea, meteringPoint, numberOf, type PayloadOsd } from '../../../../shared/protocol/payload/osd';
import { areaToPixels, toPixel, type Rect } from '../live/overlayGeometry';
import { formatTemp, type TempUnit } from './temperature';

/** `clearTop`: the readout stays below this y (the tile's own header bar), wherever the picture's top edge is. */
export function IrOverlay({ frame, osd, unit, clearTop = 0 }: { readonly frame: Rect; readonly osd: PayloadOsd; readonly unit: TempUnit; readonly clearTop?: number }) {
  const mode = numberOf(osd.camera.ir_metering_mode);
  const point = mode === 1 ? meteringPoint(osd) : undefined;
  const area = mode === 2 ? meteringArea(osd) : undefined;
  const g = osd.gimbal;
  const palette = numberOf(g.thermal_current_palette_style);
  const gain = numberOf(g.thermal_gain_mode);
  const iso = numberOf(g.thermal_isotherm_state);
  return (
    <>
      {point ? <Marker testId="ir-point" at={toPixel(frame, point)} label={formatTemp(point.temperature, unit)} kind="point" /> : null}
      {area ? (
        <>
          <Box testId="ir-area" r={areaToPixels(frame, area)} label={`avg ${formatTemp(area.aver_temperature, unit)}`} />
          {area.min_temperature_point ? <Marker testId="ir-min" at={toPixel(frame, area.min_temperature_point)} label={formatTemp(area.min_temperature_point.temperature, unit)} kind="min" /> : null}
          {area.max_temperature_point ? <Marker testId="ir-max" at={toPixel(frame, area.max_temperature_point)} label={formatTemp(area.max_temperature_point.temperature, unit)} kind="max" /> : null}
        </>
      ) : null}
      <div className="ir-readout" data-testid="ir-readout" style={{ left: frame.x + 4, top: Math.max(frame.y, clearTop) + 4 }}>
        <span>min {formatTemp(numberOf(g.thermal_global_temperature_min), unit)}</span>
        <span>max {formatTemp(numberOf(g.thermal_global_temperature_max), unit)}</span>
        <span>{palette === undefined ? '--' : (PALETTES[palette] ?? `palette ${palette}`)}</span>
        <span>{gain === undefined ? '' : (GAIN_MODES[gain] ?? '')}</span>
        <span>
          {iso === 1
            ? `isotherm ${formatTemp(numberOf(g.thermal_isotherm_lower_limit), unit)}–${formatTemp(numberOf(g.thermal_isotherm_upper_limit), unit)}`
            : 'isotherm off'}
        </span>
      </div>
    </>
  );
}

function Marker({ testId, at, label, kind }: { testId: string; at: { x: number; y: number }; label: string; kind: string }) {
  return (
    <div className={`ir-marker ${kind}`} data-testid={testId} data-x={at.x.toFixed(1)} data-y={at.y.toFixed(1)} style={{ left: at.x, top: at.y }}>
      <span className="ir-label">{label}</span>
    </div>
  );
}

function Box({ testId, r, label }: { testId: string; r: Rect; label: string }) {
  return (
    <div className="ir-area" data-testid={testId} style={{ left: r.x, top: r.y, width: r.w, height: r.h }}>
      <span className="ir-label">{label}</span>
    </div>
  );
}
