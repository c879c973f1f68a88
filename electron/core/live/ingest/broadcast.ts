/**
 * One published stream: keeps what a late viewer needs to start at once (FLV header, metadata, codec
 * headers, the GOP since the last keyframe), fans tags out to viewers, and measures fps/bitrate/size.
 */
import type { Clock } from '../../util/clock';
import { videoCodecOf } from './codec';
import { decodeMetadata, flvHeader, flvTag, type AvPacket } from './nms';
import type { IngestStats } from '../../../../shared/ipc/live';

export interface Viewer {
  write(chunk: Buffer): void;
  /** Bytes queued but not yet sent (a slow viewer is dropped beyond the limit). */
  backlog(): number;
  end(): void;
}

/** The ingest's per-stream figures (shared/ipc/live.ts IngestStats) as one broadcast sees them. */
export interface BroadcastStats extends Omit<IngestStats, 'publishing'> {
  readonly startedAt: number;
}

const MAX_GOP_TAGS = 1500; // ~50 s at 30 fps: a stream without keyframes must not grow without bound
const MAX_VIEWER_BACKLOG = 8 * 1024 * 1024;

export class Broadcast {
  private metadata: Buffer | null = null;
  private videoHeader: Buffer | null = null;
  private audioHeader: Buffer | null = null;
  private gop: Buffer[] = [];
  private readonly viewers = new Set<Viewer>();
  private codec: string | null = null;
  private width: number | null = null;
  private height: number | null = null;
  private frames = 0;
  private bytes = 0;
  private windowStart: number;
  private fps: number | null = null;
  private kbps: number | null = null;
  private lastFrameAt: number | null = null;
  readonly startedAt: number;

  constructor(readonly key: string, private readonly clock: Clock, private readonly onSlowViewer: () => void) {
    this.startedAt = clock.now();
    this.windowStart = this.startedAt;
  }

  /** True once a viewer can decode: the codec header has arrived. */
  get ready(): boolean {
    return this.videoHeader !== null;
  }

  push(p: AvPacket): void {
    const tag = flvTag(p);
    this.bytes += tag.length;
    let flags = p.flags;
    if (p.codec_type === 9) {
      this.codec = videoCodecOf(p.codec_id) ?? this.codec;
      // Legacy (non-enhanced) HEVC, codec id 12 as some encoders send it: NMS does not classify it.
      if (p.codec_id === 12) flags = p.data[1] === 0 ? 2 : p.data[0]! >> 4 === 1 ? 3 : 4;
      if (flags === 3 || flags === 4) this.countFrame();
    }
    switch (flags) {
      case 0:
        this.audioHeader = tag;
        break;
      case 2:
        this.videoHeader = tag;
        break;
      case 3:
        this.gop = [tag];
        break;
      case 1:
      case 4:
        if (this.gop.length > 0 && this.gop.length < MAX_GOP_TAGS) this.gop.push(tag);
        break;
      case 5:
        this.metadata = tag;
        this.readMetadata(p.data.subarray(0, p.size));
        break;
    }
    for (const v of this.viewers) this.send(v, tag);
  }

  /** A viewer gets the start-up tags, then every tag as it arrives. */
  addViewer(v: Viewer): void {
    const start = [flvHeader(this.audioHeader !== null, true), this.metadata, this.audioHeader, this.videoHeader, ...this.gop];
    for (const b of start) if (b) v.write(b);
    this.viewers.add(v);
  }

  removeViewer(v: Viewer): void {
    this.viewers.delete(v);
  }

  /** The publisher left: viewers see the end of the stream and reconnect to the next publish. */
  end(): void {
    for (const v of this.viewers) v.end();
    this.viewers.clear();
  }

  stats(): BroadcastStats {
    this.roll();
    return { codec: this.codec, width: this.width, height: this.height, fps: this.fps, kbps: this.kbps, lastFrameAt: this.lastFrameAt, viewers: this.viewers.size, startedAt: this.startedAt };
  }

  private send(v: Viewer, tag: Buffer): void {
    if (v.backlog() > MAX_VIEWER_BACKLOG) {
      this.viewers.delete(v);
      v.end();
      this.onSlowViewer();
      return;
    }
    v.write(tag);
  }

  private countFrame(): void {
    this.frames++;
    this.lastFrameAt = this.clock.now();
    this.roll();
  }

  /** fps and kbps over windows of at least one second. */
  private roll(): void {
    const now = this.clock.now();
    const dt = now - this.windowStart;
    if (dt < 1000) return;
    this.fps = Math.round((this.frames * 10_000) / dt) / 10;
    this.kbps = Math.round((this.bytes * 8) / dt);
    this.frames = 0;
    this.bytes = 0;
    this.windowStart = now;
  }

  private readMetadata(data: Buffer): void {
    const m = decodeMetadata(data);
    if (!m) return;
    if (typeof m.width === 'number' && m.width > 0) this.width = m.width;
    if (typeof m.height === 'number' && m.height > 0) this.height = m.height;
  }
}
