/** IPC channels of the media capability (merged into the one contract in ./contract.ts). */
import type { Result } from '../util/result';

export type MediaKind = 'photo' | 'video' | 'other';

/** One file of the media library (a row registered by file_upload_callback or Pilot 2's upload-callback). */
export interface MediaItem {
  readonly id: number;
  readonly name: string;
  readonly objectKey: string;
  readonly kind: MediaKind;
  /** `dock` (MQTT file_upload_callback) or `pilot` (HTTP upload-callback). */
  readonly source: 'dock' | 'pilot';
  readonly gatewaySn: string | null;
  readonly flightId: string | null;
  readonly droneModelKey: string | null;
  readonly payloadModelKey: string | null;
  /** Capture time (ms since epoch) from the callback's metadata, else EXIF; null when unknown. */
  readonly capturedAt: number | null;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly absoluteAltitude: number | null;
  readonly relativeAltitude: number | null;
  readonly gimbalYaw: number | null;
  /** Bytes in the embedded store; null when the object is not (yet) stored here (external S3, or still uploading). */
  readonly size: number | null;
  readonly thumb: 'pending' | 'ok' | 'failed' | 'none';
  readonly receivedAt: number;
}

export interface MediaQuery {
  readonly gatewaySn?: string;
  readonly flightId?: string;
  readonly kind?: MediaKind;
  /** Capture (or receive) time window, ms since epoch. */
  readonly from?: number;
  readonly to?: number;
  readonly limit?: number;
}

export interface MediaFacets {
  readonly devices: readonly string[];
  readonly flights: readonly { readonly flightId: string; readonly gatewaySn: string | null; readonly count: number; readonly firstAt: number | null }[];
}

/** EXIF/XMP readout of one file: DJI's drone-dji XMP tags and the EXIF GPS block. */
export interface MediaMetadata {
  readonly make: string | null;
  readonly model: string | null;
  readonly capturedAt: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly absoluteAltitude: number | null;
  readonly relativeAltitude: number | null;
  readonly gimbalYaw: number | null;
  readonly gimbalPitch: number | null;
  readonly gimbalRoll: number | null;
  readonly flightYaw: number | null;
  readonly width: number | null;
  readonly height: number | null;
  /** Every other tag exifr read, as text (for the full readout). */
  readonly raw: Readonly<Record<string, string>>;
}

export interface MediaExportRequest {
  readonly ids?: readonly number[];
  readonly flightId?: string;
  /** Absolute folder on the engine's machine. */
  readonly folder: string;
  /** One zip per flight instead of loose files. */
  readonly zip: boolean;
}

export interface ExternalStorage {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly provider: 'aws' | 'minio' | 'ali';
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly objectKeyPrefix: string;
}

export interface MediaStorageSettings {
  /** `embedded`: Outpost's own S3 endpoint (default); `external`: an S3/MinIO the operator runs. */
  readonly mode: 'embedded' | 'external';
  /** Port of the embedded endpoint (0 = any free port; default 9000). Applies at the next start. */
  readonly s3Port: number;
  /** Lifetime of handed-out credentials, seconds (60..43200). */
  readonly credentialTtlSec: number;
  readonly external: ExternalStorage | null;
}

export interface MediaStorageStatus {
  readonly settings: MediaStorageSettings;
  /** What devices are told (storage_config_get endpoint), or null when storage is unavailable. */
  readonly endpoint: string | null;
  readonly bucket: string;
  readonly bytesStored: number;
  readonly files: number;
}

export interface MediaInvokeMap {
  'media:list': { req: MediaQuery; res: readonly MediaItem[] };
  'media:facets': { req: void; res: MediaFacets };
  'media:metadata': { req: { id: number }; res: Result<MediaMetadata> };
  'media:delete': { req: { ids: readonly number[] }; res: Result<{ deleted: number }> };
  'media:export': { req: MediaExportRequest; res: Result<{ files: readonly string[] }> };
  /** upload_flighttask_media_prioritize (dock file.md): upload this flight's media first. */
  'media:prioritize': { req: { gateway: string; flightId: string }; res: Result<void> };
  'media:storage': { req: void; res: MediaStorageStatus };
  'media:setStorage': { req: Partial<MediaStorageSettings>; res: Result<MediaStorageStatus> };
}
export type MediaSendMap = Record<never, never>;
export interface MediaEventMap {
  /** Library rows added, updated (thumbnail ready, object arrived) or removed. */
  'media:changed': { readonly ids: readonly number[]; readonly removed: boolean };
  /** highest_priority_upload_flighttask_media: the flight a dock is uploading first. */
  'media:priority': { readonly gateway: string; readonly flightId: string };
}

export const MEDIA_INVOKE_CHANNELS = ['media:list', 'media:facets', 'media:metadata', 'media:delete', 'media:export', 'media:prioritize', 'media:storage', 'media:setStorage'] as const;
export const MEDIA_SEND_CHANNELS = [] as const;
export const MEDIA_EVENT_CHANNELS = ['media:changed', 'media:priority'] as const;
