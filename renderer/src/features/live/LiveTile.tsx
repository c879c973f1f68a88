/**
 * One live video with its measurements. Exported for other features: pass `children` as a render prop to draw
 * overlays (IR spots, click-to-aim) over the picture; it gets the video element, its intrinsic size and the
 * box the picture occupies inside the tile (object-fit: contain), in CSS pixels.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LiveStreamView } from '../../../../shared/ipc/live';
import { useEngine } from '../../state/hooks';
import { dash, playUrl, resolution } from './format';
import { codecWarning, elsewhereNotice } from './notices';
import { fitContain } from './overlayGeometry';
import { TilePlayer, type PlayerMetrics } from './player';

export interface LiveTileOverlay {
  readonly video: HTMLVideoElement | null;
  /** Intrinsic video size (0 until the first frame). */
  readonly videoWidth: number;
  readonly videoHeight: number;
  /** Where the picture is drawn inside the tile. */
  readonly box: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
}

export interface LiveTileProps {
  readonly stream: LiveStreamView;
  /** Decode only while true (the wall turns off tiles that are not visible). */
  readonly active?: boolean;
  readonly header?: ReactNode;
  readonly children?: (o: LiveTileOverlay) => ReactNode;
}

const fit = (cw: number, ch: number, vw: number, vh: number): LiveTileOverlay['box'] => {
  if (!vw || !vh || !cw || !ch) return { left: 0, top: 0, width: cw, height: ch };
  const r = fitContain(cw, ch, vw / vh);
  return { left: r.x, top: r.y, width: r.w, height: r.h };
};

export function LiveTile({ stream, active = true, header, children }: LiveTileProps) {
  const root = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [m, setM] = useState<PlayerMetrics | null>(null);
  const [visible, setVisible] = useState(true);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const httpPort = useEngine((s) => s.status?.httpPort ?? null);
  const warning = codecWarning(stream);
  const elsewhere = elsewhereNotice(stream);
  const path = stream.playPath;
  const play = active && visible && path !== null && warning === null;

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const io = new IntersectionObserver(([e]) => setVisible(e?.isIntersecting ?? true));
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    io.observe(el);
    ro.observe(el);
    return () => (io.disconnect(), ro.disconnect());
  }, []);

  useEffect(() => {
    if (!play || !video.current || !path) return;
    const p = new TilePlayer(video.current, playUrl(path, httpPort), setM);
    p.start();
    return () => p.stop();
  }, [play, path, httpPort]);

  const state = !play ? (warning ? 'unsupported' : 'paused') : (m?.state ?? 'connecting');
  const ing = stream.ingest;
  return (
    <div ref={root} className="live-tile" data-testid="live-tile" data-video-id={stream.videoId} data-state={state} data-frames={m?.frames ?? 0}>
      <video ref={video} muted playsInline className="live-video" />
      {children ? <div className="live-overlay">{children({ video: video.current, videoWidth: m?.width ?? 0, videoHeight: m?.height ?? 0, box: fit(size.w, size.h, m?.width ?? 0, m?.height ?? 0) })}</div> : null}
      <div className="live-tile-head">
        <span className="live-tile-title">{stream.sn} · {stream.videoType}</span>
        {header}
      </div>
      <div className="live-tile-stats" data-testid="live-stats">
        <span>{resolution(ing?.width ?? m?.width, ing?.height ?? m?.height)}</span>
        <span>{dash(m?.fps ?? ing?.fps, ' fps')}</span>
        <span>{dash(ing?.kbps, ' kb/s')}</span>
        <span>drop {dash(m?.dropped)}</span>
        <span data-testid="live-delay">delay {dash(m?.delayMs, ' ms')}</span>
      </div>
      {state === 'stalled' ? <div className="live-badge" data-testid="live-stalled">stalled, reconnecting…</div> : null}
      {warning ? <div className="live-badge" data-testid="live-codec">{warning}</div> : null}
      {elsewhere ? <div className="live-badge" data-testid="live-elsewhere">{elsewhere}</div> : null}
      {stream.error ? <div className="live-badge live-error">{stream.error.text}</div> : null}
    </div>
  );
}
