/** Non-React wiring of the globe: store subscriptions → entities, imagery from settings, picking, follow, debug hook. */
import { Cartesian2, Cartographic, EllipsoidTerrainProvider, Math as CesiumMath, Rectangle, ScreenSpaceEventType, type CesiumWidget } from '@cesium/engine';
import type { OutpostClient } from '../../../../shared/ipc/contract';
import { devicesStore, select, type DevicesState } from '../../state/devices';
import { engineStore } from '../../state/engine';
import { settingsStore } from '../../state/settings';
import { emitDebug, installDebugHook } from './debugHook';
import { FleetEntities } from './entities';
import { ImageryLayers } from './imagery';
import { layerSpecs, tileBaseFor } from './layers';
import { mapCover, mapWidget, publishMapClick } from './mapClicks';
import { createOfflineViewer } from './viewer';

const TRACK_SEED_LIMIT = 600;

export const mountGlobe = (container: HTMLElement, client: OutpostClient): (() => void) => {
  const viewer = createOfflineViewer(container);
  const fleet = new FleetEntities(viewer);
  const imagery = new ImageryLayers(viewer);
  const seeded = new Set<string>();
  let framed = false;
  let rosterKey = '';

  const onDevices = (s: DevicesState): void => {
    const { moved, changed } = fleet.sync(s.devices, s.selected);
    for (const sn of Object.keys(s.devices)) if (s.devices[sn]?.deviceClass === 'aircraft' && !seeded.has(sn)) seedTrack(sn);
    followSelected(s);
    if (!framed && moved.length > 0) framed = frameAll(viewer, fleet);
    if (moved.length > 0 || changed) viewer.scene.requestRender();
    const positions = moved.length > 0 ? fleet.positions() : {};
    for (const sn of moved) emitDebug('entity-moved', { sn, ...positions[sn] });
    const key = Object.values(s.devices).map((d) => `${d.sn}:${d.online}`).sort().join(',');
    if (key !== rosterKey) {
      rosterKey = key;
      emitDebug('devices-changed', Object.values(s.devices).map((d) => ({ sn: d.sn, online: d.online, deviceClass: d.deviceClass })));
    }
  };

  const seedTrack = (sn: string): void => {
    seeded.add(sn);
    client.invoke('telemetry:track', { sn, limit: TRACK_SEED_LIMIT }).then(
      (history) => {
        fleet.seedTrack(sn, history);
        viewer.scene.requestRender();
      },
      (e: unknown) => console.warn(`[map] no track history for ${sn}`, e),
    );
  };

  const followSelected = (s: DevicesState): void => {
    const target = s.follow && s.selected ? fleet.entityFor(s.selected) : undefined;
    if (viewer.trackedEntity !== target) viewer.trackedEntity = target;
  };

  // Covered by a full-window layer: entities keep updating, but nothing is drawn until it closes.
  const applyCover = (layers: number): void => {
    const draw = layers === 0;
    if (viewer.useDefaultRenderLoop === draw) return;
    viewer.useDefaultRenderLoop = draw;
    if (draw) viewer.scene.requestRender();
    emitDebug('map-drawing', { drawing: draw });
  };

  const applyImagery = (): void => {
    const base = tileBaseFor(location, engineStore.getState().status?.httpPort ?? null);
    if (base) imagery.apply(layerSpecs(settingsStore.getState().settings?.map ?? null, base));
  };

  viewer.screenSpaceEventHandler.setInputAction((click: { position: Cartesian2 }) => {
    const picked: unknown = viewer.scene.pick(click.position);
    const id = (picked as { id?: { id?: unknown } } | undefined)?.id?.id;
    if (typeof id === 'string') select(id.replace(/^(trail|home):/, ''));
    publishClick(click.position, typeof id === 'string' ? id : null);
  }, ScreenSpaceEventType.LEFT_CLICK);

  // Where on the globe the click landed, for other features (mapClicks.ts).
  const publishClick = (at: Cartesian2, entityId: string | null): void => {
    const ray = viewer.camera.getPickRay(at);
    const hit = (ray && viewer.scene.globe.pick(ray, viewer.scene)) ?? viewer.camera.pickEllipsoid(at);
    if (!hit) return;
    const c = Cartographic.fromCartesian(hit);
    const terrain = !(viewer.terrainProvider instanceof EllipsoidTerrainProvider);
    publishMapClick({ lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude), height: c.height, terrain, x: at.x, y: at.y, entityId });
  };
  mapWidget.setState({ widget: viewer });

  const unsubs = [
    devicesStore.subscribe(onDevices),
    settingsStore.subscribe(applyImagery),
    engineStore.subscribe((s, prev) => s.status?.httpPort !== prev.status?.httpPort && applyImagery()),
    installDebugHook(() => fleet.positions()),
    mapCover.subscribe((s) => applyCover(s.layers)),
  ];
  applyCover(mapCover.getState().layers);
  onDevices(devicesStore.getState());
  applyImagery();

  return () => {
    mapWidget.setState({ widget: null });
    for (const u of unsubs) u();
    fleet.destroy();
    viewer.destroy();
  };
};

/** First sight of the fleet: frame every device once, then leave the camera to the operator. */
const frameAll = (viewer: CesiumWidget, fleet: FleetEntities): boolean => {
  const ps = Object.values(fleet.positions());
  if (ps.length === 0) return false;
  const lons = ps.map((p) => p.lon);
  const lats = ps.map((p) => p.lat);
  // The side panels cover about half the width: pad east-west by the whole span so every device stays in the middle.
  const padLon = Math.max(0.01, Math.max(...lons) - Math.min(...lons));
  const padLat = Math.max(0.005, (Math.max(...lats) - Math.min(...lats)) * 0.3);
  viewer.camera.setView({
    destination: Rectangle.fromDegrees(Math.min(...lons) - padLon, Math.min(...lats) - padLat, Math.max(...lons) + padLon, Math.max(...lats) + padLat),
  });
  return true;
};
