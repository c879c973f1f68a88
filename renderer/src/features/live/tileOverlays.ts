/**
 * Where other features draw on the wall's tiles: each registers one renderer, called for every tile with its
 * stream and LiveTile's overlay geometry; it returns what to lay over the picture, or null (payload: the camera
 * gestures and the IR overlay on the selected aircraft's lenses). The live feature knows nothing of them.
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LiveStreamView } from '../../../../shared/ipc/live';
import type { LiveTileOverlay } from './LiveTile';

export type TileOverlayRenderer = (stream: LiveStreamView, overlay: LiveTileOverlay) => ReactNode;

const overlays = createStore<{ readonly renderers: readonly TileOverlayRenderer[] }>(() => ({ renderers: [] }));

/** Adds a renderer; returns its removal. */
export function registerTileOverlay(r: TileOverlayRenderer): () => void {
  overlays.setState((s) => ({ renderers: [...s.renderers, r] }));
  return () => overlays.setState((s) => ({ renderers: s.renderers.filter((x) => x !== r) }));
}

export const useTileOverlays = (): readonly TileOverlayRenderer[] => useStore(overlays, (s) => s.renderers);
