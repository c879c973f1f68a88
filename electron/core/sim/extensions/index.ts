/** The capabilities every simulated device gets (each file owns one capability). */
import type { SimExtensionFactory } from '../extension';
import { payloadSimExtension } from './payload';
import { drcSimExtension } from './drc';
import { liveSimExtension } from './live';
import { missionsSimExtension } from './missions';
import { mediaSimExtension } from './media';

export const DEFAULT_SIM_EXTENSIONS: readonly SimExtensionFactory[] = [
  payloadSimExtension,
  drcSimExtension,
  liveSimExtension,
  missionsSimExtension,
  mediaSimExtension,
];
