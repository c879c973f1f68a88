/** Addresses of the engine's media routes: same origin in serve mode; the engine's loopback port in the Electron window. */
import { engineStore } from '../../state/engine';

export function mediaBase(): string {
  if (location.protocol === 'http:' || location.protocol === 'https:') return '';
  const port = engineStore.getState().status?.httpPort;
  return port ? `http://127.0.0.1:${port}` : '';
}

export const thumbUrl = (id: number, version: number): string => `${mediaBase()}/api/v1/media/files/${id}/thumb?v=${version}`;
export const downloadUrl = (id: number): string => `${mediaBase()}/api/v1/media/files/${id}/download`;
export const flightZipUrl = (flightId: string): string => `${mediaBase()}/api/v1/media/flights/${encodeURIComponent(flightId)}/zip`;
