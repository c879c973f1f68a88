/** The obstacle ring from hsi_info_push: 360 distances clockwise from the nose, drawn as 36 sectors. */
import type { DrcTelemetry } from '../../../../shared/ipc/drc';

const SECTORS = 36;
const R = 44;

/** Nearest obstacle per 10° sector, metres (null: nothing within range). */
export function sectorDistances(around: readonly number[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < SECTORS; i++) {
    const slice = around.slice(i * 10, i * 10 + 10).filter((v) => v > 0 && v < 60_000);
    out.push(slice.length > 0 ? Math.min(...slice) / 1000 : null);
  }
  return out;
}

const colour = (m: number | null): string => (m === null ? '#22303c' : m < 5 ? '#e5484d' : m < 15 ? '#f5a524' : '#3fb950');

export function ObstacleRing({ hsi }: { readonly hsi: DrcTelemetry['hsi'] | undefined }) {
  const sectors = hsi ? sectorDistances(hsi.around_distances) : [];
  const nearest = sectors.reduce<number | null>((m, v) => (v !== null && (m === null || v < m) ? v : m), null);
  return (
    <svg className="drc-ring" viewBox="-50 -50 100 100" data-testid="drc-obstacle-ring" aria-label={nearest === null ? 'no obstacle' : `nearest obstacle ${nearest.toFixed(1)} m`}>
      {sectors.map((m, i) => {
        const a0 = ((i * 10 - 90 - 4.5) * Math.PI) / 180;
        const a1 = ((i * 10 - 90 + 4.5) * Math.PI) / 180;
        return <path key={i} d={`M ${R * Math.cos(a0)} ${R * Math.sin(a0)} A ${R} ${R} 0 0 1 ${R * Math.cos(a1)} ${R * Math.sin(a1)}`} stroke={colour(m)} strokeWidth={6} fill="none" />;
      })}
      <polygon points="0,-10 6,8 0,4 -6,8" fill="#cfd8e3" />
      <text y={30} textAnchor="middle" fontSize={9} fill="#cfd8e3">
        {hsi ? (nearest === null ? 'clear' : `${nearest.toFixed(1)} m`) : '--'}
      </text>
    </svg>
  );
}
