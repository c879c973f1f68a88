/** The capabilities every simulated device gets (each file owns one capability). */
import type { SimExtensionFactory } from '../extension';

export const DEFAULT_SIM_EXTENSIONS: readonly SimExtensionFactory[] = [];
