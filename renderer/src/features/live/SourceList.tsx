/** Every camera video the devices offer (live_capacity), draggable onto a tile. */
import type { LiveWall } from '../../../../shared/ipc/live';
import { formatVideoId } from '../../../../shared/protocol/live/video-id';

export const DRAG_TYPE = 'application/x-outpost-video-id';

export function SourceList({ wall }: { readonly wall: LiveWall | null }) {
  const items = (wall?.sources ?? []).flatMap((s) => s.cameras.flatMap((c) => c.videos.map((v) => ({ id: formatVideoId(s.sn, c.cameraIndex, v.videoIndex), s, c, v }))));
  if (items.length === 0) return <div className="live-sources live-empty">No device offers video yet (live_capacity).</div>;
  return (
    <ul className="live-sources">
      {items.map(({ id, s, c, v }) => {
        const st = wall?.streams.find((x) => x.videoId === id);
        return (
          <li key={id} draggable data-testid="live-source" data-video-id={id} className={s.online ? '' : 'offline'} onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, id)}>
            <b>{s.sn}</b> {c.cameraIndex.startsWith('165-') ? 'dock camera' : `camera ${c.cameraIndex}`} · {v.videoType}
            {st ? <span className={`live-pill live-${st.state}`}>{st.state}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
