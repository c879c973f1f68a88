/**
 * `video_id` = `{sn}/{camera_index}/{video_index}`: sn of the video-source device, camera index
 * `{type-subtype-gimbalindex}`, video index `{video_type}-{n}` (Dock 2 30.live.md; enums.md §3.2).
 */
import { appError, err, ok, type Result } from '../../util/result';

export interface VideoId {
  readonly sn: string;
  /** Payload index `type-subtype-gimbalindex`, e.g. `39-0-7` (aircraft camera) or `165-0-7` (dock camera). */
  readonly cameraIndex: string;
  /** `{video_type}-{n}`, e.g. `normal-0`. */
  readonly videoIndex: string;
  readonly videoType: string;
  readonly n: number;
}

const CAMERA_INDEX = /^\d+-\d+-\d+$/;
const VIDEO_INDEX = /^([a-z]+)-(\d+)$/;

export function parseVideoId(raw: unknown): Result<VideoId> {
  if (typeof raw !== 'string') return err(appError('invalid_video_id', 'video_id must be a string "{sn}/{camera_index}/{video_index}"'));
  const parts = raw.split('/');
  if (parts.length !== 3) return err(appError('invalid_video_id', `video_id "${raw}" must have three parts "{sn}/{camera_index}/{video_index}"`));
  const [sn, cameraIndex, videoIndex] = parts as [string, string, string];
  if (!/^[A-Za-z0-9]{1,64}$/.test(sn)) return err(appError('invalid_video_id', `video_id "${raw}": sn must be 1–64 letters or digits`));
  if (!CAMERA_INDEX.test(cameraIndex)) return err(appError('invalid_video_id', `video_id "${raw}": camera_index must be "type-subtype-gimbalindex" like 39-0-7`));
  const m = VIDEO_INDEX.exec(videoIndex);
  if (!m) return err(appError('invalid_video_id', `video_id "${raw}": video_index must be "{video_type}-{n}" like normal-0`));
  return ok({ sn, cameraIndex, videoIndex, videoType: m[1]!, n: Number(m[2]) });
}

export const formatVideoId = (sn: string, cameraIndex: string, videoIndex: string): string => `${sn}/${cameraIndex}/${videoIndex}`;

/** A name safe for an RTMP stream path and a file name: `SN_39-0-7_normal-0`. */
export const streamSlug = (v: Pick<VideoId, 'sn' | 'cameraIndex' | 'videoIndex'>): string => `${v.sn}_${v.cameraIndex}_${v.videoIndex}`;
