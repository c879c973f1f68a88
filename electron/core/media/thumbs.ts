/**
 * Thumbnails in the background: one ffmpeg child process at a time, at low CPU priority, so a burst of
 * uploads never blocks the engine's event loop or starves telemetry. Photos are scaled; videos give a frame
 * at 1 s (or the first frame of shorter clips). Written to a temp name and renamed, like objects.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type { MediaKind } from '../../../shared/ipc/media';
import type { Logger } from '../util/log';

export interface ThumbJob {
  readonly id: number;
  readonly file: string;
  readonly kind: MediaKind;
}

export const THUMB_WIDTH = 320;

export class ThumbQueue {
  private readonly queue: ThumbJob[] = [];
  private running = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly dir: string,
    private readonly done: (id: number, ok: boolean) => void,
    private readonly logger: Logger,
    private readonly ffmpeg = process.env.OUTPOST_FFMPEG ?? '/usr/bin/ffmpeg',
  ) {
    mkdirSync(dir, { recursive: true });
  }

  path(id: number): string {
    return join(this.dir, `${id}.jpg`);
  }

  push(job: ThumbJob): void {
    if (this.stopped || this.queue.some((j) => j.id === job.id)) return;
    this.queue.push(job);
    void this.pump();
  }

  remove(id: number): void {
    rmSync(this.path(id), { force: true });
  }

  /** Resolves when nothing is queued or running (tests, export). */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (!this.stopped) {
      const job = this.queue.shift();
      if (!job) break;
      const ok = job.kind === 'video' ? (await this.make(job, ['-ss', '1'])) || (await this.make(job, [])) : await this.make(job, []);
      if (!ok) this.logger.warn('thumbnail failed', { id: job.id, file: job.file });
      if (!this.stopped) this.done(job.id, ok);
    }
    this.running = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private make(job: ThumbJob, seek: readonly string[]): Promise<boolean> {
    if (job.kind === 'other') return Promise.resolve(false);
    const out = this.path(job.id);
    const tmp = `${out}.tmp.jpg`;
    const args = ['-v', 'error', '-nostdin', ...seek, '-i', job.file, '-frames:v', '1', '-vf', `scale=${THUMB_WIDTH}:-2`, '-q:v', '5', '-threads', '1', '-y', tmp];
    return new Promise((resolve) => {
      const child = spawn(this.ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      try {
        if (child.pid) setPriority(child.pid, 15);
      } catch {
        // lowering priority is best effort (not permitted on some systems)
      }
      child.on('error', (e) => {
        this.logger.warn('ffmpeg could not start', { error: e.message });
        resolve(false);
      });
      child.on('close', (code) => {
        const made = code === 0 && existsSync(tmp) && statSync(tmp).size > 0;
        if (made) renameSync(tmp, out);
        else {
          rmSync(tmp, { force: true });
          if (stderr) this.logger.debug('ffmpeg said', { stderr });
        }
        resolve(made);
      });
    });
  }
}
