/** A tile's menu: quality and lens (from live_capacity's switchable types), dock camera, record, stop. */
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { LiveSource, LiveStreamView } from '../../../../shared/ipc/live';
import { isLensType, isVideoQuality, VIDEO_QUALITIES } from '../../../../shared/protocol/live/quality';
import { setError } from './liveStore';

const report = (r: { ok: boolean; error?: { message: string } }): void => setError(r.ok ? null : (r.error?.message ?? 'failed'));

export function TileMenu({ client, stream, source }: { readonly client: OutpostClient; readonly stream: LiveStreamView; readonly source: LiveSource | undefined }) {
  const video = source?.cameras.find((c) => c.cameraIndex === stream.cameraIndex)?.videos[0];
  const lenses = video?.switchableVideoTypes ?? [];
  const isDockCamera = stream.cameraIndex.startsWith('165-');
  const id = stream.videoId;
  return (
    <span className="live-menu">
      <select aria-label="quality" value={stream.quality} onChange={(e) => { const q = Number(e.target.value); if (isVideoQuality(q)) void client.invoke('live:setQuality', { videoId: id, quality: q }).then(report); }}>
        {VIDEO_QUALITIES.map((q) => <option key={q.value} value={q.value}>{q.label}</option>)}
      </select>
      {lenses.length > 0 ? (
        <select aria-label="lens" value={stream.videoType} onChange={(e) => { const t = e.target.value; if (isLensType(t)) void client.invoke('live:setLens', { videoId: id, videoType: t }).then(report); }}>
          {!lenses.includes(stream.videoType) ? <option value={stream.videoType}>{stream.videoType}</option> : null}
          {lenses.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
      ) : null}
      {isDockCamera ? (
        <select aria-label="dock camera" defaultValue="1" onChange={(e) => void client.invoke('live:setCamera', { videoId: id, cameraPosition: e.target.value === '0' ? 0 : 1 }).then(report)}>
          <option value="1">outside</option>
          <option value="0">inside</option>
        </select>
      ) : null}
      <button type="button" onClick={() => void client.invoke(stream.recording ? 'live:recordStop' : 'live:recordStart', { videoId: id }).then(report)}>{stream.recording ? '■ rec' : '● rec'}</button>
      <button type="button" onClick={() => void client.invoke('live:stop', { videoId: id }).then(report)}>stop</button>
    </span>
  );
}
