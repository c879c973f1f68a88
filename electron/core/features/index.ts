/** The engine's capabilities, started in this order (each owns its own folder under electron/core). */
import type { FeatureFactory } from './types';
import { payloadFeature } from '../payload/feature';
import { drcFeature } from '../drc/feature';
import { liveFeature } from '../live/feature';
import { missionsFeature } from '../missions/feature';
import { mediaFeature } from '../media/feature';

export const FEATURES: readonly FeatureFactory[] = [
  payloadFeature,
  drcFeature,
  liveFeature,
  missionsFeature,
  mediaFeature,
];
