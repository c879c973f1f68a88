/** The device simulator's public surface. */
export { SimDevice, type SimDeviceOptions } from './device';
export { startFleet, fleetKinds, gridOffset, type Fleet, type FleetOptions, type FleetStats } from './fleet';
export { FlightModel, planFromSeed, type FlightPhase, type FlightPlan, type FlightSnapshot, type Home } from './flight';
export { product, modelKey, isSimKind, SIM_KINDS, type SimKind, type SimProduct } from './products';
export { Scheduler } from './scheduler';
export type { SimStats } from './stats';
export type { BringUpResult } from './bringup';
export type { HmsEntry } from './messages';
export { scaledClock } from './time';
