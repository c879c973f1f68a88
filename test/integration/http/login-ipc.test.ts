/** Serve-mode HTTP: token login (cookie + token dropped from the URL), renderer behind auth, and the IPC WebSocket refusing strangers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_TOKEN, startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;

beforeAll(async () => {
  const renderer = mkdtempSync(join(tmpdir(), 'outpost-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Outpost</title>');
  t = await startTestEngine({ rendererDir: renderer });
});
afterAll(() => t?.stop());

function openWs(headers: Record<string, string> = {}, query = ''): Promise<{ ws: WebSocket | null; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${t.httpUrl.replace('http', 'ws')}/ipc${query}`, { headers });
    ws.once('open', () => resolve({ ws, status: 101 }));
    ws.once('unexpected-response', (_req, res) => resolve({ ws: null, status: res.statusCode ?? null }));
    ws.once('error', () => resolve({ ws: null, status: null }));
  });
}

describe('token login', () => {
  it('sets an HttpOnly session cookie and redirects to the address without the token', async () => {
    const res = await fetch(`${t.httpUrl}/?token=${API_TOKEN}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toMatch(/^outpost_session=.+; HttpOnly; SameSite=Strict/);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(`${t.httpUrl}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Outpost</title>');
  });

  it('refuses the renderer without a session and a wrong token', async () => {
    expect((await fetch(`${t.httpUrl}/`)).status).toBe(401);
    expect((await fetch(`${t.httpUrl}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
  });
});

describe('IPC WebSocket', () => {
  it('refuses an upgrade without the token (HTTP 401)', async () => {
    expect((await openWs()).status).toBe(401);
    expect((await openWs({ cookie: 'outpost_session=nope' })).status).toBe(401);
  });

  it('accepts the session cookie and speaks the contract: invoke → result, events pushed', async () => {
    const { ws } = await openWs({ cookie: `outpost_session=${API_TOKEN}` });
    expect(ws).not.toBeNull();
    const frames: Record<string, unknown>[] = [];
    const next = (pred: (f: Record<string, unknown>) => boolean) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const seen = frames.find(pred);
        if (seen) return resolve(seen);
        ws!.on('message', (raw) => {
          const f = JSON.parse(String(raw)) as Record<string, unknown>;
          if (pred(f)) resolve(f);
        });
      });
    ws!.on('message', (raw) => frames.push(JSON.parse(String(raw))));
    ws!.send(JSON.stringify({ t: 'invoke', id: 1, channel: 'engine:status', req: null }));
    const r = await next((f) => f.t === 'result' && f.id === 1);
    expect(r).toMatchObject({ ok: true, res: { link: { kind: 'embedded', state: 'up' } } });
    ws!.send(JSON.stringify({ t: 'invoke', id: 2, channel: 'fs:readFile', req: '/etc/passwd' }));
    expect(await next((f) => f.t === 'result' && f.id === 2)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    ws!.send(JSON.stringify({ t: 'invoke', id: 3, channel: 'settings:set', req: { broker: { mqttPort: 99999 } } }));
    const bad = await next((f) => f.t === 'result' && f.id === 3);
    expect(bad).toMatchObject({ ok: true, res: { ok: false, error: { code: 'invalid_settings' } } });
    expect((bad.res as { error: { message: string } }).error.message).toMatch(/broker\.mqttPort/);
    const ev = await next((f) => f.t === 'event' && f.channel === 'engine:status');
    expect(ev.payload).toMatchObject({ link: { state: 'up' } });
    ws!.close();
  });
});
