/**
 * Recording without re-encoding: the ingest's FLV tags, as received, written to `<dataDir>/recordings/*.flv`
 * (header + codec headers + GOP first, so the file plays from its first frame). A JSON sidecar per file keeps
 * its device and time span.
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Recording } from '../../../shared/ipc/live';
import type { Clock } from '../util/clock';
import type { Logger } from '../util/log';
import type { Broadcast, Viewer } from './ingest/broadcast';

interface Active {
  rec: Recording;
  out: WriteStream;
  viewer: Viewer;
  cast: Broadcast;
}

export class Recorder {
  private readonly dir: string;
  private readonly active = new Map<string, Active>();

  constructor(dataDir: string, private readonly clock: Clock, private readonly logger: Logger, private readonly onEnded: (videoId: string) => void) {
    this.dir = join(dataDir, 'recordings');
  }

  isRecording(videoId: string): Recording | null {
    return this.active.get(videoId)?.rec ?? null;
  }

  start(videoId: string, sn: string, slug: string, cast: Broadcast): Recording {
    const existing = this.active.get(videoId);
    if (existing) return existing.rec;
    mkdirSync(this.dir, { recursive: true });
    const startedAt = this.clock.now();
    const id = `${slug}-${new Date(startedAt).toISOString().replace(/[:.]/g, '-')}`;
    const file = join(this.dir, `${id}.flv`);
    const out = createWriteStream(file);
    out.on('error', (e) => this.logger.error('recording write failed', { file, error: String(e) }));
    const rec: Recording = { id, videoId, sn, file, startedAt, endedAt: null, bytes: 0 };
    const viewer: Viewer = { write: (b) => void out.write(b), backlog: () => out.writableLength, end: () => void this.finish(videoId) };
    this.active.set(videoId, { rec, out, viewer, cast });
    this.writeSidecar(rec);
    cast.addViewer(viewer);
    this.logger.info('recording started', { videoId, file });
    return rec;
  }

  /** Stops a recording (also called when the publisher leaves); resolves with the closed file's entry. */
  async finish(videoId: string): Promise<Recording | null> {
    const a = this.active.get(videoId);
    if (!a) return null;
    this.active.delete(videoId);
    a.cast.removeViewer(a.viewer);
    await new Promise<void>((res) => a.out.end(() => res()));
    const done: Recording = { ...a.rec, endedAt: this.clock.now(), bytes: existsSync(a.rec.file) ? statSync(a.rec.file).size : 0 };
    this.writeSidecar(done);
    this.onEnded(videoId);
    return done;
  }

  list(): Recording[] {
    if (!existsSync(this.dir)) return [];
    const out: Recording[] = [];
    for (const f of readdirSync(this.dir)) {
      if (!f.endsWith('.json')) continue;
      try {
        out.push(JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as Recording);
      } catch (e) {
        this.logger.warn('recording index entry unreadable', { file: f, error: String(e) });
      }
    }
    return out.sort((a, b) => b.startedAt - a.startedAt);
  }

  async stopAll(): Promise<void> {
    for (const id of [...this.active.keys()]) await this.finish(id);
  }

  private writeSidecar(r: Recording): void {
    writeFileSync(join(this.dir, `${r.id}.json`), JSON.stringify(r));
  }
}
