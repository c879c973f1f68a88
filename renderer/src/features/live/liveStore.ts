/** The wall's state: the engine's LiveWall (pushed on `live:wall`), the layout and which stream each tile shows. */
import { createStore } from 'zustand/vanilla';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import type { LiveWall } from '../../../../shared/ipc/live';

export type Layout = '1' | '2x2' | '3x3' | 'focus';
export const TILE_COUNT: Readonly<Record<Layout, number>> = { '1': 1, '2x2': 4, '3x3': 9, focus: 4 };

export interface LiveState {
  readonly wall: LiveWall | null;
  readonly layout: Layout;
  /** videoId per tile (9 slots; the layout shows the first N). */
  readonly tiles: readonly (string | null)[];
  /** Tile index shown large in the focus layout. */
  readonly focus: number;
  readonly lastError: string | null;
}

export const liveStore = createStore<LiveState>(() => ({ wall: null, layout: '2x2', tiles: Array(9).fill(null), focus: 0, lastError: null }));

export const setLayout = (layout: Layout): void => liveStore.setState({ layout });
export const setFocus = (focus: number): void => liveStore.setState({ focus, layout: 'focus' });
export const setError = (lastError: string | null): void => liveStore.setState({ lastError });

export function assignTile(index: number, videoId: string | null): void {
  liveStore.setState((s) => ({ tiles: s.tiles.map((v, i) => (i === index ? videoId : v === videoId && videoId !== null ? null : v)) }));
}

/** Load once and follow `live:wall`; returns the unsubscribe. */
export function connectLive(client: OutpostClient): () => void {
  const off = client.on('live:wall', (wall) => liveStore.setState({ wall }));
  void client.invoke('live:wall', undefined).then((wall) => liveStore.setState({ wall }), (e: unknown) => setError(String(e)));
  return off;
}
