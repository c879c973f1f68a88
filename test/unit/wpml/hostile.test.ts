/** Hostile KMZ files: each is refused with a clear error, nothing is inflated past the caps. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseKmz, parseWpml } from '../../../shared/wpml/parse';
import { readZip } from '../../../shared/wpml/zip';
import { DOCS_TEMPLATE, DOCS_WAYLINES, enc, kmzOf, withCoordinates } from './fixtures';

/** Rewrites the uncompressed size of every entry (local header +22, central directory +24). */
function patchDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50) dv.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) dv.setUint32(i + 24, size, true);
  }
  return out;
}

const T = withCoordinates(DOCS_TEMPLATE);
const W = withCoordinates(DOCS_WAYLINES);

describe('hostile KMZ files', () => {
  it('refuses a zip bomb by its declared size before inflating', () => {
    const bomb = patchDeclaredSize(kmzOf(T, W), 2 ** 31);
    const r = parseKmz(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('zip_bomb');
      expect(r.error.message).toMatch(/declares 2147483648 bytes/);
    }
  });

  it('refuses a zip bomb that lies about its size, stopping at the declared size', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024); // deflates to ~8 KB
    const lying = patchDeclaredSize(zipSync({ 'wpmz/waylines.wpml': zeros }), 1000);
    expect(lying.length).toBeLessThan(64 * 1024);
    const r = readZip(lying);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('zip_bomb');
      expect(r.error.message).toMatch(/inflates to more than the 1000 bytes it declares/);
    }
  });

  it('refuses entries whose declared sizes add up past the total cap', () => {
    const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`wpmz/res/${i}.bin`, new Uint8Array(1000)]));
    const r = readZip(zipSync(files), { maxArchiveBytes: 1e6, maxEntries: 10, maxEntryBytes: 2000, maxTotalBytes: 3500 });
    expect(r.ok ? null : r.error.code).toBe('zip_bomb');
  });

  it.each(['../../evil.kml', 'wpmz/../../../etc/passwd', '/etc/passwd', 'C:/Windows/evil.dll', 'wpmz\\..\\evil'])('refuses the path-traversal entry %s', (name) => {
    const r = parseKmz(zipSync({ 'wpmz/template.kml': enc(T), 'wpmz/waylines.wpml': enc(W), [name]: enc('x') }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('zip_unsafe_path');
  });

  it('refuses an entry outside wpmz/', () => {
    const r = parseKmz(kmzOf(T, W, { 'run.exe': enc('MZ') }));
    expect(r.ok ? '' : r.error.message).toMatch(/Unexpected entry "run.exe"/);
  });

  it('refuses a file that is not a ZIP, and a damaged one (CRC)', () => {
    expect(parseKmz(enc('<kml/>')).ok ? '' : 'zip_invalid').toBe('zip_invalid');
    const good = zipSync({ 'wpmz/waylines.wpml': enc(W) }, { level: 0 });
    const bad = good.slice();
    const at = new TextDecoder().decode(bad).indexOf('<wpml:waylineId>');
    bad[at + 3] = 'X'.charCodeAt(0);
    const r = readZip(bad);
    expect(r.ok ? '' : r.error.message).toMatch(/CRC-32/);
  });

  it('refuses a huge XML entry', () => {
    const huge = W.replace('<Document>', `<Document>${' '.repeat(33 * 1024 * 1024)}`);
    const r = parseKmz(kmzOf(T, huge));
    expect(r.ok ? '' : r.error.code).toBe('zip_bomb');
    const direct = parseWpml(T, huge);
    expect(direct.ok ? '' : direct.error.message).toMatch(/limit is/);
  });

  it('refuses a DOCTYPE (billion laughs) naming the line', () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n' + W.split('\n').slice(1).join('\n');
    const r = parseWpml(T, laughs);
    expect(r.ok ? '' : r.error.message).toMatch(/DOCTYPE/);
    if (!r.ok) expect((r.error.details as { issues: { line: number }[] }).issues[0]?.line).toBe(2);
  });

  it('refuses absurdly deep nesting', () => {
    const deep = W.replace('<wpml:waylineId>0</wpml:waylineId>', '<a>'.repeat(40) + '</a>'.repeat(40));
    const r = parseWpml(T, deep);
    expect(r.ok ? '' : r.error.message).toMatch(/nested/);
  });

  it('refuses a KMZ without waylines.wpml', () => {
    const r = parseKmz(zipSync({ 'wpmz/template.kml': enc(T) }));
    expect(r.ok ? '' : r.error.message).toMatch(/no wpmz\/waylines.wpml/);
  });
});
