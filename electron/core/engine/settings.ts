/** Operator settings: defaults ← settings.json in the data directory ← command-line overrides. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../../shared/model/settings';
import type { SettingsUpdate } from '../../../shared/ipc/contract';
import { appError, err, ok, type Result } from '../../../shared/util/result';

const port = z.number().int().min(0).max(65535);

export const settingsSchema = z.object({
  broker: z.object({
    mode: z.enum(['embedded', 'remote']),
    mqttPort: port,
    wsPort: port,
    tlsPort: port,
    tlsCertFile: z.string().min(1).nullable(),
    tlsKeyFile: z.string().min(1).nullable(),
    remoteUrl: z.string().regex(/^(mqtts?|wss?|tcp|ssl):\/\/.+/, 'must be a URL like mqtt://host:1883').nullable(),
    remoteUsername: z.string().nullable(),
    remotePassword: z.string().nullable(),
    remoteShareGroup: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only').nullable(),
  }),
  device: z.object({ username: z.string().min(1, 'device username is required'), password: z.string().min(4, 'device password needs at least 4 characters') }),
  dji: z.object({ appId: z.string(), appKey: z.string(), appLicense: z.string(), ntpHost: z.string(), ntpPort: port }),
  map: z.object({ xyzUrl: z.string().nullable(), tmsUrl: z.string().nullable(), mbtilesFile: z.string().nullable() }),
  httpPort: port,
  advertisedHost: z.string().nullable(),
}).superRefine((s, ctx) => {
  if (s.broker.mode === 'remote' && !s.broker.remoteUrl) ctx.addIssue({ code: 'custom', path: ['broker', 'remoteUrl'], message: 'a remote broker needs its URL' });
  if (s.broker.tlsPort > 0 && (!s.broker.tlsCertFile || !s.broker.tlsKeyFile))
    ctx.addIssue({ code: 'custom', path: ['broker', 'tlsPort'], message: 'MQTT over TLS needs a certificate file and a key file' });
});

export const DEFAULT_SETTINGS: Settings = {
  broker: {
    mode: 'embedded',
    mqttPort: 1883,
    wsPort: 8083,
    tlsPort: 0,
    tlsCertFile: null,
    tlsKeyFile: null,
    remoteUrl: null,
    remoteUsername: null,
    remotePassword: null,
    remoteShareGroup: null,
  },
  device: { username: 'dock', password: 'outpost-dock' },
  dji: { appId: '', appKey: '', appLicense: '', ntpHost: 'pool.ntp.org', ntpPort: 123 },
  map: { xyzUrl: null, tmsUrl: null, mbtilesFile: null },
  httpPort: 8080,
  advertisedHost: null,
};

export function mergeSettings(base: Settings, update: SettingsUpdate): Settings {
  return {
    broker: { ...base.broker, ...(update.broker ?? {}) },
    device: { ...base.device, ...(update.device ?? {}) },
    dji: { ...base.dji, ...(update.dji ?? {}) },
    map: { ...base.map, ...(update.map ?? {}) },
    httpPort: update.httpPort ?? base.httpPort,
    advertisedHost: update.advertisedHost === undefined ? base.advertisedHost : update.advertisedHost,
  } as Settings;
}

export function validateSettings(s: unknown): Result<Settings> {
  const r = settingsSchema.safeParse(s);
  if (r.success) return ok(r.data as Settings);
  const first = r.error.issues[0];
  const where = first?.path.join('.') ?? '';
  return err(appError('invalid_settings', `${where}: ${first?.message ?? 'invalid'}`, r.error.issues));
}

/** Settings persisted as JSON next to the database; written atomically. */
export class SettingsFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  load(): Result<Settings> {
    if (!existsSync(this.file)) return ok(DEFAULT_SETTINGS);
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8')) as SettingsUpdate;
      return validateSettings(mergeSettings(DEFAULT_SETTINGS, raw));
    } catch (e) {
      return err(appError('settings_unreadable', `${this.file} could not be read: ${String(e)}`));
    }
  }

  save(s: Settings): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
