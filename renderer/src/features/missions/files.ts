/** Pure byte helpers for KMZ import/export in the browser (no Node Buffer in the renderer). */

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  // Chunks keep String.fromCharCode's argument list small on multi-megabyte files.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A safe download name: the route name without path separators or control characters, ending in .kmz. */
export function kmzFileName(name: string): string {
  const base = name.replace(/\.kmz$/i, '').replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || 'route';
  return `${base}.kmz`;
}
