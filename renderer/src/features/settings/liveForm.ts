/** Pure: the Live video section's checks (the engine's own rules, from shared/protocol/live), its update, its URL preview. */
import type { LiveSettings } from '../../../../shared/ipc/live';
import { externalUrl, formatVideoId, pushSettingsIssues, SAMPLE_STREAM, URL_TYPE, type FieldIssue } from '../../../../shared/protocol/live';
import type { FieldErrors } from './validate';

/** Form field name of a live setting, e.g. `live.gb28181.serverPort`. */
export const liveField = (path: string): string => `live.${path}`;

/** Inline text: the docs' key first (`serverPort: 70000 must be 1–65535`), so the error names the field on the wire. */
const inline = (field: string, message: string): string => `${field.split('.').pop() ?? field}: ${message}`;

const toErrors = (issues: readonly FieldIssue[]): FieldErrors => Object.fromEntries(issues.map((i) => [liveField(i.field), inline(i.field, i.message)]));

export function liveFieldErrors(s: LiveSettings): FieldErrors {
  const port = Number.isInteger(s.rtmpPort) && s.rtmpPort >= 0 && s.rtmpPort <= 65535 ? [] : [{ field: 'rtmpPort', message: 'a port 1–65535, or 0 for any free port' }];
  return toErrors([...port, ...pushSettingsIssues(s)]);
}

/** The engine's Result details (`{ path, message }[]`, paths relative to the live settings) as form errors. */
export function liveServerErrors(details: unknown): FieldErrors {
  if (!Array.isArray(details)) return {};
  const issues: FieldIssue[] = [];
  for (const d of details as unknown[]) {
    const i = d as { path?: unknown; message?: unknown };
    if (Array.isArray(i.path) && typeof i.message === 'string') issues.push({ field: i.path.join('.'), message: i.message });
  }
  return toErrors(issues);
}

/** The top-level keys that differ (a changed section is sent whole, as `live:setSettings` replaces sections). */
export function liveUpdate(saved: LiveSettings, draft: LiveSettings): Partial<LiveSettings> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(draft) as (keyof LiveSettings)[]) if (JSON.stringify(saved[k]) !== JSON.stringify(draft[k])) out[k] = draft[k];
  return out as Partial<LiveSettings>;
}

/**
 * What a device would be sent for the docs' example camera (secrets masked: the form hides them), or null while
 * the settings have errors, or for RTMP (whose URL carries a fresh secret per stream).
 */
export function livePreview(s: LiveSettings): { readonly videoId: string; readonly urlType: number; readonly url: string } | null {
  if (s.protocol === 'rtmp' || pushSettingsIssues(s).length > 0) return null;
  const u = externalUrl(s, s.protocol, SAMPLE_STREAM);
  if (!u.ok) return null;
  const v = SAMPLE_STREAM;
  return { videoId: formatVideoId(v.sn, v.cameraIndex, v.videoIndex), urlType: URL_TYPE[s.protocol], url: u.value.replace(/(agentPassword|token)=[^&]*/g, '$1=•••') };
}
