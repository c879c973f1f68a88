/** Simulated flight tasks for docks (Dock 2/3): see sim/missions/runner.ts. Pilot 2 gets waylines another way. */
import type { SimExtension, SimExtensionFactory } from '../extension';
import { MissionRunner } from '../missions/runner';
import { product } from '../products';

export const missionsSimExtension: SimExtensionFactory = (api): SimExtension => {
  if (!product(api.kind).isDock) return {};
  const runner = new MissionRunner(api);
  return { service: (method, data) => runner.service(method, data), stop: () => runner.stop() };
};
