/** The wall: 1, 2×2, 3×3 or focus; drop a source on a tile to show it (and start it when it is not running). */
import { Fragment, useEffect } from 'react';
import { useStore } from 'zustand';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { LiveProtocol } from '../../../../shared/protocol/live/urls';
import { AutoStream } from './AutoStream';
import { LiveTile } from './LiveTile';
import { assignTile, connectLive, liveStore, setError, setFocus, setLayout, TILE_COUNT, type Layout } from './liveStore';
import { DRAG_TYPE, SourceList } from './SourceList';
import { TileMenu } from './TileMenu';
import { useTileOverlays } from './tileOverlays';

const LAYOUTS: readonly Layout[] = ['1', '2x2', '3x3', 'focus'];
const RUNNING = new Set(['starting', 'retrying', 'live']);
const PUSH_LABEL: Readonly<Record<LiveProtocol, string>> = { rtmp: 'RTMP to Outpost', whip: 'WHIP to your server', gb28181: 'GB28181 to your platform', agora: 'Agora' };

export function LiveWall({ client }: { readonly client: OutpostClient }) {
  const { wall, layout, tiles, focus, lastError } = useStore(liveStore);
  const overlays = useTileOverlays();
  useEffect(() => connectLive(client), [client]);

  const drop = (i: number, videoId: string): void => {
    assignTile(i, videoId);
    const s = wall?.streams.find((x) => x.videoId === videoId);
    if (s && RUNNING.has(s.state) && s.playPath) return;
    void client.invoke('live:start', { videoId }).then((r) => setError(r.ok ? null : r.error.message));
  };
  const shown = tiles.slice(0, TILE_COUNT[layout]);
  return (
    <div className="live-wall" data-testid="live-wall">
      <aside className="live-side">
        <div className="live-layouts">
          {LAYOUTS.map((l) => (
            <button key={l} type="button" data-testid={`live-layout-${l}`} className={l === layout ? 'on' : ''} onClick={() => setLayout(l)}>{l === '2x2' ? '2×2' : l === '3x3' ? '3×3' : l}</button>
          ))}
        </div>
        <SourceList wall={wall} />
        {wall ? <div className="live-protocol" data-testid="live-protocol">New streams push with {PUSH_LABEL[wall.protocol]} (Settings → Live video)</div> : null}
        <AutoStream client={client} wall={wall} />
        {lastError ? <div className="live-error" data-testid="live-error">{lastError}</div> : null}
      </aside>
      <div className={`live-grid live-grid-${layout}`}>
        {shown.map((videoId, i) => {
          const stream = videoId ? wall?.streams.find((s) => s.videoId === videoId) : undefined;
          const big = layout === 'focus' && i === focus;
          return (
            <div key={i} className={`live-slot${big ? ' live-focus' : ''}`} data-testid={`live-slot-${i}`} onDragOver={(e) => e.preventDefault()} onDrop={(e) => drop(i, e.dataTransfer.getData(DRAG_TYPE))} onDoubleClick={() => setFocus(i)}>
              {stream ? (
                <LiveTile stream={stream} header={<TileMenu client={client} stream={stream} source={wall?.sources.find((s) => s.sn === stream.sn)} />}>
                  {overlays.length > 0 ? (o) => overlays.map((draw, k) => <Fragment key={k}>{draw(stream, o)}</Fragment>) : undefined}
                </LiveTile>
              ) : (
                <div className="live-placeholder">{videoId ? 'waiting for the stream…' : 'drop a camera here'}</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
