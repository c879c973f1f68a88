/** The library's state: filters, the listed items, facets (devices, flights) and the selected item. Follows `media:changed`. */
import { createStore } from 'zustand/vanilla';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { MediaFacets, MediaItem, MediaKind, MediaQuery } from '../../../../shared/ipc/media';

export interface MediaFilters {
  readonly gatewaySn: string;
  readonly flightId: string;
  readonly kind: MediaKind | '';
  /** yyyy-mm-dd (local), '' = open */
  readonly from: string;
  readonly to: string;
}

export interface MediaState {
  readonly filters: MediaFilters;
  readonly items: readonly MediaItem[];
  readonly facets: MediaFacets;
  readonly selected: number | null;
  readonly error: string | null;
  /** Bumped on every refresh so thumbnails that just became ready reload. */
  readonly version: number;
}

export const NO_FILTERS: MediaFilters = { gatewaySn: '', flightId: '', kind: '', from: '', to: '' };
export const mediaStore = createStore<MediaState>(() => ({ filters: NO_FILTERS, items: [], facets: { devices: [], flights: [] }, selected: null, error: null, version: 0 }));

export function queryOf(f: MediaFilters): MediaQuery {
  const day = (s: string, end: boolean): number | undefined => (s ? new Date(`${s}T${end ? '23:59:59.999' : '00:00:00'}`).getTime() : undefined);
  const from = day(f.from, false);
  const to = day(f.to, true);
  return {
    ...(f.gatewaySn ? { gatewaySn: f.gatewaySn } : {}),
    ...(f.flightId ? { flightId: f.flightId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

export async function refreshMedia(client: OutpostClient): Promise<void> {
  try {
    const [items, facets] = await Promise.all([client.invoke('media:list', queryOf(mediaStore.getState().filters)), client.invoke('media:facets', undefined)]);
    mediaStore.setState((s) => ({ items, facets, error: null, version: s.version + 1, selected: items.some((i) => i.id === s.selected) ? s.selected : null }));
  } catch (e) {
    mediaStore.setState({ error: `Could not load the media library: ${String(e)}` });
  }
}

export function setFilters(client: OutpostClient, patch: Partial<MediaFilters>): void {
  mediaStore.setState((s) => ({ filters: { ...s.filters, ...patch } }));
  void refreshMedia(client);
}

export const selectMedia = (id: number | null): void => mediaStore.setState({ selected: id });

/** Loads once and refreshes on `media:changed` (coalesced to one refresh per animation frame). */
export function connectMedia(client: OutpostClient): () => void {
  let queued = false;
  const off = client.on('media:changed', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      void refreshMedia(client);
    });
  });
  void refreshMedia(client);
  return off;
}
