/** The engine's capabilities, started in this order (each owns its own folder under electron/core). */
import type { FeatureFactory } from './types';
import { payloadFeature } from '../payload/feature';

export const FEATURES: readonly FeatureFactory[] = [
  payloadFeature,
];
