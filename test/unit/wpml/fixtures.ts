/** KMZ fixtures built from DJI's own XML examples (template-kml.md / waylines-wpml.md, copied verbatim). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip } from '../../../shared/wpml/zip';

const DIR = join(__dirname, '../../fixtures/wpml');
export const DOCS_TEMPLATE = readFileSync(join(DIR, 'docs-template.kml'), 'utf8');
export const DOCS_WAYLINES = readFileSync(join(DIR, 'docs-waylines.wpml'), 'utf8');

/** The docs write the placeholder "longitude,latitude"; a real file has numbers there (one point each, 50 m apart). */
export function withCoordinates(xml: string, lat = 22.5, lon = 113.9): string {
  let i = 0;
  return xml.replace(/longitude,latitude/g, () => `${(lon + i * 0.0005).toFixed(6)},${(lat + i++ * 0.0003).toFixed(6)}`);
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export function kmzOf(template: string, waylines: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return writeZip(new Map([['wpmz/template.kml', enc(template)], ['wpmz/waylines.wpml', enc(waylines)], ...Object.entries(extra)]));
}

export const docsKmz = (): Uint8Array => kmzOf(withCoordinates(DOCS_TEMPLATE), withCoordinates(DOCS_WAYLINES));
