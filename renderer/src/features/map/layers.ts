/** Pure: which extra imagery layers the map settings ask for, and the URL template each one loads from. */
import type { MapSettings } from '../../../../shared/model/settings';

export interface LayerSpec {
  readonly id: 'xyz' | 'tms' | 'mbtiles';
  /** Absolute URL template for Cesium's UrlTemplateImageryProvider. */
  readonly template: string;
}

const isHttp = (s: string): boolean => /^https?:\/\//i.test(s);

/**
 * A template on the tile base's own origin is loaded directly. Anything else (a
 * LAN tile server, a local folder) goes through the engine's /tiles/<kind>/ route,
 * which serves the folder or fetches the configured URL, so the CSP never has to
 * admit another host.
 */
const resolveTemplate = (raw: string, kind: 'xyz' | 'tms', tileBase: string): string => {
  const y = kind === 'tms' ? '{reverseY}' : '{y}';
  const viaEngine = `${tileBase}/tiles/${kind}/{z}/{x}/${y}`;
  if (raw.startsWith('/tiles/')) return tileBase + raw;
  if (!isHttp(raw)) return viaEngine;
  return new URL(raw).origin === new URL(tileBase).origin ? raw : viaEngine;
};

/** `tileBase`: origin of the engine's HTTP server, e.g. http://127.0.0.1:8080 (no trailing slash). */
export const layerSpecs = (map: MapSettings | null, tileBase: string): readonly LayerSpec[] => {
  if (!map) return [];
  const out: LayerSpec[] = [];
  // MBTiles lowest: a local base map; the XYZ/TMS overlays draw above it.
  if (map.mbtilesFile) out.push({ id: 'mbtiles', template: `${tileBase}/tiles/mbtiles/{z}/{x}/{y}` });
  if (map.tmsUrl) out.push({ id: 'tms', template: resolveTemplate(map.tmsUrl.trim(), 'tms', tileBase) });
  if (map.xyzUrl) out.push({ id: 'xyz', template: resolveTemplate(map.xyzUrl.trim(), 'xyz', tileBase) });
  return out;
};

/** Where the engine's HTTP server is: this page's origin in serve mode, loopback + httpPort under Electron. */
export const tileBaseFor = (loc: { readonly protocol: string; readonly origin: string }, httpPort: number | null): string | null =>
  loc.protocol === 'http:' || loc.protocol === 'https:' ? loc.origin : httpPort ? `http://127.0.0.1:${httpPort}` : null;
