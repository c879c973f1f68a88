/** Live settings, persisted as live-settings.json in the data directory (validated; errors name the field). */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LiveSettings } from '../../../shared/ipc/live';
import { AGORA_CHANNEL_TEMPLATE, pushSettingsIssues, type FieldIssue } from '../../../shared/protocol/live';
import { appError, err, ok, type Result } from '../../../shared/util/result';

export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  rtmpPort: 1935,
  protocol: 'rtmp',
  defaultQuality: 0,
  // The docs' example values (Dock 2 30.live.md), to be replaced with the user's WHIP server and GB28181 platform.
  whip: { url: 'http://192.168.1.1:8080/rtc/v1/whip/?app=live&stream={stream}' },
  gb28181: { serverIP: '192.168.1.1', serverPort: 8080, serverID: '34000000000000000000', agentID: '300000000010000000000', agentPassword: '0000000', localPort: 7060, channel: '340000000000000000000' },
  agora: { channel: AGORA_CHANNEL_TEMPLATE, token: '', uid: 50000 },
};

const schema = z.object({
  rtmpPort: z.number().int().min(0).max(65535),
  protocol: z.enum(['rtmp', 'whip', 'gb28181', 'agora']),
  defaultQuality: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  whip: z.object({ url: z.string() }),
  gb28181: z.object({ serverIP: z.string(), serverPort: z.number(), serverID: z.string(), agentID: z.string(), agentPassword: z.string(), localPort: z.number(), channel: z.string() }),
  agora: z.object({ channel: z.string().max(256), token: z.string(), uid: z.number() }),
});

/** Issues as the settings form reads them (`details`: `{ path, message }[]`, like the engine settings' zod issues). */
const invalid = (issues: readonly FieldIssue[]) =>
  err(appError('invalid_settings', `live.${issues[0]!.field}: ${issues[0]!.message}`, issues.map((i) => ({ path: i.field.split('.'), message: i.message }))));

/** Shape check, then the URL builders' own checks for the protocol in use (so a bad setting is caught when saved). */
export function validateLiveSettings(raw: unknown): Result<LiveSettings> {
  const r = schema.safeParse(raw);
  if (!r.success) return invalid(r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  const issues = pushSettingsIssues(r.data);
  return issues.length > 0 ? invalid(issues) : ok(r.data);
}

/** Saved settings over the defaults, section by section (a file from an older version keeps its other values). */
export function withDefaults(saved: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...DEFAULT_LIVE_SETTINGS, ...saved };
  for (const k of ['whip', 'gb28181', 'agora'] as const) {
    const v = saved[k];
    if (typeof v === 'object' && v !== null) out[k] = { ...DEFAULT_LIVE_SETTINGS[k], ...v };
  }
  return out;
}

export class LiveSettingsFile {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, 'live-settings.json');
  }

  load(): Result<LiveSettings> {
    if (!existsSync(this.file)) return ok(DEFAULT_LIVE_SETTINGS);
    try {
      return validateLiveSettings(withDefaults(JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>));
    } catch (e) {
      return err(appError('invalid_settings', `${this.file}: ${String(e)}`));
    }
  }

  save(s: LiveSettings): void {
    writeFileSync(this.file + '.tmp', JSON.stringify(s, null, 2));
    renameSync(this.file + '.tmp', this.file);
  }
}

/** A small JSON file in the data directory (auto-stream gateways). */
export class JsonFile<T> {
  private readonly file: string;
  constructor(dataDir: string, name: string, private readonly fallback: T) {
    this.file = join(dataDir, name);
  }

  load(): T {
    try {
      return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as T) : this.fallback;
    } catch {
      return this.fallback;
    }
  }

  save(v: T): void {
    writeFileSync(this.file + '.tmp', JSON.stringify(v));
    renameSync(this.file + '.tmp', this.file);
  }
}
