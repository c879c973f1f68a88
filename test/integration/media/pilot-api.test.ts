/**
 * Pilot 2's HTTP media flow against the real engine: x-auth-token required (the engine's API token), STS hands out
 * a prefix-limited credential that a real S3 client (@aws-sdk/client-s3) uploads with, upload-callback registers the
 * file, tiny-fingerprints and fast-upload then report it as present, group-upload-callback is accepted.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfigOutput } from '../../../electron/core/media/storage-config';
import { simMediaFixtures } from '../../../electron/core/sim/media/fixtures';
import { API_TOKEN, startTestEngine, type TestEngine } from '../../helpers/engine';
import { prepareMediaDb } from './media-db';

let t: TestEngine;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'outpost-pilot-it-'));
  prepareMediaDb(dataDir);
  t = await startTestEngine({ dataDir });
});
afterAll(async () => {
  await t?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(path: string, body: unknown, token: string | null = API_TOKEN): Promise<{ status: number; json: { code: number; message: string; data: unknown } }> {
  const r = await fetch(`${t.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-device-id': 'RCSN1', ...(token ? { 'x-auth-token': token } : {}) }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as { code: number; message: string; data: unknown } };
}

describe('Pilot 2 media HTTP API', () => {
  it('refuses calls without the right x-auth-token with HTTP 401', async () => {
    expect((await post('/storage/api/v1/workspaces/ws1/sts', {}, null)).status).toBe(401);
    expect((await post('/media/api/v1/workspaces/ws1/fast-upload', { fingerprint: 'x' }, 'wrong')).status).toBe(401);
  });

  it('STS → S3 upload with a real client → upload-callback → fingerprints known', async () => {
    const sts = await post('/storage/api/v1/workspaces/ws1/sts', {});
    expect(sts).toMatchObject({ status: 200, json: { code: 0, message: 'success' } });
    const cfg = sts.json.data as StorageConfigOutput;
    expect(cfg).toMatchObject({ bucket: 'outpost-media', provider: 'minio', region: 'us-east-1', object_key_prefix: 'media/pilot-RCSN1' });
    expect(cfg.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cfg.credentials.expire).toBe(3600);
    const s3 = new S3Client({ endpoint: cfg.endpoint, region: cfg.region, forcePathStyle: true, credentials: { accessKeyId: cfg.credentials.access_key_id, secretAccessKey: cfg.credentials.access_key_secret, sessionToken: cfg.credentials.security_token } });
    const { jpeg } = await simMediaFixtures();
    const key = `${cfg.object_key_prefix}/DJI_0001.JPG`;
    await s3.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: key, Body: jpeg, ContentType: 'image/jpeg' }));
    const denied = await s3.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: 'media/SOMEDOCK/x.jpg', Body: jpeg })).catch((e: { name: string }) => e.name);
    expect(denied).toBe('AccessDenied');

    const cb = await post('/media/api/v1/workspaces/ws1/upload-callback', {
      object_key: key,
      name: 'DJI_0001.JPG',
      path: 'mission-a',
      fingerprint: 'fp-pilot-1',
      sub_file_type: 0,
      ext: { drone_model_key: '0-67-0', payload_model_key: '1-53-0', is_original: true, sn: 'M30SN1', tinny_fingerprint: 'tiny-pilot-1', file_group_id: 'g1' },
      metadata: { absolute_altitude: 612.5, relative_altitude: 99.1, created_time: '2026-11-21T10:00:00+01:00', gimbal_yaw_degree: -12.5, shoot_position: { lat: 46.5, lng: 7.5 } },
    });
    expect(cb.json).toEqual({ code: 0, message: 'success', data: key });
    const [item] = await t.engine.invoke['media:list']({});
    expect(item).toMatchObject({ source: 'pilot', gatewaySn: 'M30SN1', lat: 46.5, lng: 7.5, gimbalYaw: -12.5, capturedAt: Date.parse('2026-11-21T09:00:00Z'), size: jpeg.length });
    expect((await post('/media/api/v1/workspaces/ws1/files/tiny-fingerprints', { tiny_fingerprints: ['tiny-pilot-1', 'tiny-other'] })).json.data).toEqual({ tiny_fingerprints: ['tiny-pilot-1'] });
    expect((await post('/media/api/v1/workspaces/ws1/fast-upload', { fingerprint: 'fp-pilot-1', name: 'DJI_0001.JPG', ext: {} })).json.code).toBe(0);
    expect((await post('/media/api/v1/workspaces/ws1/group-upload-callback', { file_group_id: 'g1', file_count: 1, file_uploaded_count: 1 })).json.code).toBe(0);
  });

  it('answers a malformed callback with a clear error and registers nothing', async () => {
    const before = (await t.engine.invoke['media:list']({})).length;
    const r = await post('/media/api/v1/workspaces/ws1/upload-callback', { name: 'x.jpg' });
    expect(r).toMatchObject({ status: 400, json: { code: -1, message: 'upload-callback: object_key must be a non-empty string.' } });
    expect(await t.engine.invoke['media:list']({})).toHaveLength(before);
    expect(readFileSync(join(dataDir, 'api-token'), 'utf8').trim()).toBe(API_TOKEN);
  });
});
