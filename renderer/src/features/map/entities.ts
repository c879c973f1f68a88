/** Owns the Cesium entities for devices (dock/aircraft billboards, labels, trails, home points) and syncs them from the store. */
import {
  CallbackProperty,
  Cartesian2,
  Cartesian3,
  Cartographic,
  Color,
  ConstantPositionProperty,
  ConstantProperty,
  Math as CesiumMath,
  Entity,
  HorizontalOrigin,
  JulianDate,
  LabelStyle,
  VerticalOrigin,
  type CesiumWidget,
} from '@cesium/engine';
import type { DeviceSnapshot } from '../../../../shared/model/device';
import type { DeviceMap } from '../../state/reducer';
import type { EntityFix } from './debugHook';
import { AIRCRAFT_ICON, AIRCRAFT_ICON_SELECTED, DOCK_ICON, DOCK_ICON_OFFLINE } from './icons';
import { homeOf, isAircraft, poseOf, type Pose } from './pose';
import { fixOf, TrackBuffer } from './track';

const ALWAYS_ON_TOP = Number.POSITIVE_INFINITY;
const toCartesian = (p: { lon: number; lat: number; height: number }): Cartesian3 => Cartesian3.fromDegrees(p.lon, p.lat, p.height);
const sameSpot = (a: Pose | undefined, b: Pose): boolean => !!a && a.lon === b.lon && a.lat === b.lat && a.height === b.height;

export interface SyncResult {
  /** SNs whose entity position changed in this sync. */
  readonly moved: readonly string[];
  /** True when entities were added, removed or restyled. */
  readonly changed: boolean;
}

export class FleetEntities {
  private readonly devices = new Map<string, { entity: Entity; pose: Pose; styleKey: string }>();
  private readonly homes = new Map<string, Entity>();
  private readonly trails = new Map<string, { entity: Entity; buf: TrackBuffer }>();

  constructor(private readonly viewer: CesiumWidget) {}

  sync(map: DeviceMap, selected: string | null): SyncResult {
    const moved: string[] = [];
    let changed = false;
    for (const d of Object.values(map)) {
      const pose = poseOf(d);
      if (!pose) {
        changed = this.drop(d.sn) || changed;
        continue;
      }
      const cur = this.devices.get(d.sn);
      const styleKey = `${d.online}|${d.sn === selected}|${d.callsign ?? d.modelName ?? ''}`;
      if (!cur) {
        this.devices.set(d.sn, { entity: this.viewer.entities.add(this.create(d, pose, selected)), pose, styleKey });
        moved.push(d.sn);
        changed = true;
      } else {
        if (!sameSpot(cur.pose, pose)) {
          (cur.entity.position as ConstantPositionProperty).setValue(toCartesian(pose));
          moved.push(d.sn);
        }
        if (cur.entity.billboard && cur.pose.heading !== pose.heading) cur.entity.billboard.rotation = new ConstantProperty(rotationOf(pose));
        if (cur.styleKey !== styleKey) {
          this.restyle(cur.entity, d, selected);
          cur.styleKey = styleKey;
          changed = true;
        }
        cur.pose = pose;
      }
      if (isAircraft(d)) {
        this.trail(d.sn).buf.push(fixOf(pose));
        changed = this.home(d, map) || changed;
      }
    }
    for (const sn of [...this.devices.keys()]) if (!(sn in map)) changed = this.drop(sn) || changed;
    return { moved, changed };
  }

  /** History from `telemetry:track` goes in front of what arrived live. */
  seedTrack(sn: string, history: Parameters<TrackBuffer['seed']>[0]): void {
    this.trail(sn).buf.seed(history);
  }

  entityFor(sn: string): Entity | undefined {
    return this.devices.get(sn)?.entity;
  }

  /** Positions read back from the Cesium entities themselves (what is drawn), not from the store. */
  positions(): Record<string, EntityFix> {
    const now = JulianDate.now();
    const out: Record<string, EntityFix> = {};
    for (const [sn, { entity }] of this.devices) {
      const c = entity.position?.getValue(now);
      if (!c) continue;
      const g = Cartographic.fromCartesian(c);
      out[sn] = { lon: CesiumMath.toDegrees(g.longitude), lat: CesiumMath.toDegrees(g.latitude), height: g.height };
    }
    return out;
  }

  destroy(): void {
    for (const sn of [...this.devices.keys()]) this.drop(sn);
  }

  private create(d: DeviceSnapshot, pose: Pose, selected: string | null): Entity {
    const e = new Entity({
      id: d.sn,
      position: new ConstantPositionProperty(toCartesian(pose)),
      billboard: {
        image: iconOf(d, selected),
        width: 28,
        height: 28,
        rotation: rotationOf(pose),
        alignedAxis: isAircraft(d) ? Cartesian3.UNIT_Z : Cartesian3.ZERO,
        disableDepthTestDistance: ALWAYS_ON_TOP,
      },
      label: {
        text: labelOf(d),
        font: '12px system-ui, sans-serif',
        style: LabelStyle.FILL_AND_OUTLINE,
        fillColor: Color.WHITE,
        outlineColor: Color.BLACK,
        outlineWidth: 3,
        // Aircraft labels sit to the right, dock labels below, so they stay apart while an aircraft is over its dock.
        verticalOrigin: isAircraft(d) ? VerticalOrigin.CENTER : VerticalOrigin.TOP,
        horizontalOrigin: isAircraft(d) ? HorizontalOrigin.LEFT : HorizontalOrigin.CENTER,
        pixelOffset: isAircraft(d) ? new Cartesian2(16, 0) : new Cartesian2(0, 16),
        disableDepthTestDistance: ALWAYS_ON_TOP,
      },
    });
    return e;
  }

  private restyle(e: Entity, d: DeviceSnapshot, selected: string | null): void {
    if (e.billboard) e.billboard.image = new ConstantProperty(iconOf(d, selected));
    if (e.label) e.label.text = new ConstantProperty(labelOf(d));
  }

  private trail(sn: string): { entity: Entity; buf: TrackBuffer } {
    const have = this.trails.get(sn);
    if (have) return have;
    const buf = new TrackBuffer();
    // A callback keeps the polyline dynamic (no worker rebuild per point); requestRender repaints it.
    const positions = new CallbackProperty(() => buf.snapshot().map(toCartesian), false);
    const entity = this.viewer.entities.add({
      id: `trail:${sn}`,
      polyline: { positions, width: 2, material: Color.fromCssColorString('#35d0ff').withAlpha(0.8) },
    });
    const t = { entity, buf };
    this.trails.set(sn, t);
    return t;
  }

  private home(d: DeviceSnapshot, map: DeviceMap): boolean {
    const h = homeOf(d, map);
    const e = this.homes.get(d.sn);
    if (!h) return e ? this.removeHome(d.sn) : false;
    if (e) {
      (e.position as ConstantPositionProperty).setValue(toCartesian(h));
      return false;
    }
    this.homes.set(
      d.sn,
      this.viewer.entities.add({
        id: `home:${d.sn}`,
        position: new ConstantPositionProperty(toCartesian(h)),
        point: { pixelSize: 9, color: Color.TRANSPARENT, outlineColor: Color.fromCssColorString('#ffd34d'), outlineWidth: 2, disableDepthTestDistance: ALWAYS_ON_TOP },
        label: { text: 'H', font: 'bold 11px system-ui, sans-serif', fillColor: Color.fromCssColorString('#ffd34d'), pixelOffset: new Cartesian2(10, -8), disableDepthTestDistance: ALWAYS_ON_TOP },
      }),
    );
    return true;
  }

  private removeHome(sn: string): boolean {
    const e = this.homes.get(sn);
    if (!e) return false;
    this.viewer.entities.remove(e);
    this.homes.delete(sn);
    return true;
  }

  private drop(sn: string): boolean {
    const cur = this.devices.get(sn);
    const trail = this.trails.get(sn);
    if (trail) this.viewer.entities.remove(trail.entity);
    this.trails.delete(sn);
    const home = this.removeHome(sn);
    if (!cur) return home || !!trail;
    this.viewer.entities.remove(cur.entity);
    this.devices.delete(sn);
    return true;
  }
}

/** Billboard rotation is counter-clockwise; DJI attitude_head is clockwise from north (−180..180). */
const rotationOf = (p: Pose): number => (p.heading === null ? 0 : -CesiumMath.toRadians(p.heading));
const labelOf = (d: DeviceSnapshot): string => d.callsign ?? d.modelName ?? d.sn;
const iconOf = (d: DeviceSnapshot, selected: string | null): string =>
  isAircraft(d) ? (d.sn === selected ? AIRCRAFT_ICON_SELECTED : AIRCRAFT_ICON) : d.online ? DOCK_ICON : DOCK_ICON_OFFLINE;
