/** WpmlFile → template.kml + waylines.wpml text, element order as in DJI's examples (template-kml.md, waylines-wpml.md). */
import type { ActionGroup, HeadingParam, MissionConfig, ParamEntry, RawElement, Template, Wayline, Waypoint, WpmlFile } from './model';
import { TEMPLATE_ENTRY, WAYLINES_ENTRY } from './parse';
import { writeZip } from './zip';

const NS = 'xmlns="http://www.opengis.net/kml/2.2" xmlns:wpml="http://www.dji.com/wpmz/1.0.2"';

class Xml {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;
  open(name: string, attrs = ''): this {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attrs ? ' ' + attrs : ''}>`);
    this.depth++;
    return this;
  }
  close(name: string): this {
    this.depth--;
    this.lines.push(`${'  '.repeat(this.depth)}</${name}>`);
    return this;
  }
  leaf(name: string, v: string | number | boolean | undefined): this {
    if (v === undefined) return this;
    const text = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
    this.lines.push(`${'  '.repeat(this.depth)}<${name}>${escape(text)}</${name}>`);
    return this;
  }
  raw(e: RawElement): this {
    if (e.children) {
      this.open(e.name);
      for (const c of e.children) this.raw(c);
      return this.close(e.name);
    }
    return this.leaf(e.name, e.text ?? '');
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeTemplateKml(f: WpmlFile): string {
  const x = new Xml().open('kml', NS).open('Document');
  x.leaf('wpml:author', f.author).leaf('wpml:createTime', f.createTime).leaf('wpml:updateTime', f.updateTime);
  mission(x, f.mission);
  for (const t of f.templates) template(x, t);
  return x.close('Document').close('kml').toString();
}

export function writeWaylinesWpml(f: WpmlFile): string {
  const x = new Xml().open('kml', NS).open('Document');
  mission(x, f.mission);
  for (const w of f.waylines) wayline(x, w);
  return x.close('Document').close('kml').toString();
}

/** The KMZ: wpmz/template.kml, wpmz/waylines.wpml and any resources (wpmz/res/…) passed in. */
export function writeKmz(f: WpmlFile, resources: ReadonlyMap<string, Uint8Array> = new Map()): Uint8Array {
  const enc = new TextEncoder();
  const files = new Map<string, Uint8Array>([
    [TEMPLATE_ENTRY, enc.encode(writeTemplateKml(f))],
    [WAYLINES_ENTRY, enc.encode(writeWaylinesWpml(f))],
    ...resources,
  ]);
  return writeZip(files);
}

function mission(x: Xml, m: MissionConfig): void {
  x.open('wpml:missionConfig');
  x.leaf('wpml:flyToWaylineMode', m.flyToWaylineMode).leaf('wpml:finishAction', m.finishAction).leaf('wpml:exitOnRCLost', m.exitOnRCLost);
  x.leaf('wpml:executeRCLostAction', m.executeRCLostAction).leaf('wpml:takeOffSecurityHeight', m.takeOffSecurityHeight);
  if (m.takeOffRefPoint) x.leaf('wpml:takeOffRefPoint', `${m.takeOffRefPoint.lat},${m.takeOffRefPoint.lon},${m.takeOffRefPoint.height}`);
  x.leaf('wpml:takeOffRefPointAGLHeight', m.takeOffRefPointAGLHeight).leaf('wpml:globalTransitionalSpeed', m.globalTransitionalSpeed).leaf('wpml:globalRTHHeight', m.globalRTHHeight);
  x.open('wpml:droneInfo').leaf('wpml:droneEnumValue', m.drone.enumValue).leaf('wpml:droneSubEnumValue', m.drone.subEnumValue).close('wpml:droneInfo');
  for (const p of m.payloads) {
    x.open('wpml:payloadInfo').leaf('wpml:payloadEnumValue', p.enumValue).leaf('wpml:payloadSubEnumValue', p.subEnumValue).leaf('wpml:payloadPositionIndex', p.positionIndex).close('wpml:payloadInfo');
  }
  if (m.autoReroute) {
    x.open('wpml:autoRerouteInfo').leaf('wpml:missionAutoRerouteMode', m.autoReroute.missionAutoRerouteMode).leaf('wpml:transitionalAutoRerouteMode', m.autoReroute.transitionalAutoRerouteMode).close('wpml:autoRerouteInfo');
  }
  x.close('wpml:missionConfig');
}

function template(x: Xml, t: Template): void {
  x.open('Folder').leaf('wpml:templateType', t.templateType).leaf('wpml:templateId', t.templateId);
  const c = t.coordinateSys;
  x.open('wpml:waylineCoordinateSysParam').leaf('wpml:coordinateMode', c.coordinateMode).leaf('wpml:heightMode', c.heightMode);
  x.leaf('wpml:globalShootHeight', c.globalShootHeight).leaf('wpml:positioningType', c.positioningType);
  x.leaf('wpml:surfaceFollowModeEnable', c.surfaceFollowModeEnable).leaf('wpml:surfaceRelativeHeight', c.surfaceRelativeHeight).close('wpml:waylineCoordinateSysParam');
  x.leaf('wpml:autoFlightSpeed', t.autoFlightSpeed).leaf('wpml:globalHeight', t.globalHeight).leaf('wpml:gimbalPitchMode', t.gimbalPitchMode);
  if (t.globalHeading) heading(x, 'wpml:globalWaypointHeadingParam', t.globalHeading);
  x.leaf('wpml:globalWaypointTurnMode', t.globalTurnMode).leaf('wpml:globalUseStraightLine', t.globalUseStraightLine);
  if (t.payloadParam) params(x, 'wpml:payloadParam', t.payloadParam);
  for (const e of t.extras) x.raw(e);
  for (const w of t.waypoints) placemark(x, w);
  x.close('Folder');
}

function wayline(x: Xml, w: Wayline): void {
  x.open('Folder').leaf('wpml:templateId', w.templateId).leaf('wpml:executeHeightMode', w.executeHeightMode).leaf('wpml:waylineId', w.waylineId);
  x.leaf('wpml:autoFlightSpeed', w.autoFlightSpeed);
  if (w.startActionGroup) group(x, 'wpml:startActionGroup', w.startActionGroup);
  for (const p of w.waypoints) placemark(x, p);
  x.close('Folder');
}

function placemark(x: Xml, w: Waypoint): void {
  x.open('Placemark').open('Point').leaf('coordinates', `${w.lon},${w.lat}`).close('Point');
  x.leaf('wpml:index', w.index).leaf('wpml:isRisky', w.isRisky);
  x.leaf('wpml:ellipsoidHeight', w.ellipsoidHeight).leaf('wpml:height', w.height).leaf('wpml:executeHeight', w.executeHeight);
  x.leaf('wpml:useGlobalHeight', w.useGlobalHeight).leaf('wpml:useGlobalSpeed', w.useGlobalSpeed);
  x.leaf('wpml:useGlobalHeadingParam', w.useGlobalHeadingParam).leaf('wpml:useGlobalTurnParam', w.useGlobalTurnParam);
  x.leaf('wpml:waypointSpeed', w.speed);
  if (w.heading) heading(x, 'wpml:waypointHeadingParam', w.heading);
  if (w.turn) x.open('wpml:waypointTurnParam').leaf('wpml:waypointTurnMode', w.turn.mode).leaf('wpml:waypointTurnDampingDist', w.turn.dampingDist).close('wpml:waypointTurnParam');
  x.leaf('wpml:useStraightLine', w.useStraightLine).leaf('wpml:gimbalPitchAngle', w.gimbalPitchAngle);
  for (const g of w.actionGroups) group(x, 'wpml:actionGroup', g);
  x.close('Placemark');
}

function heading(x: Xml, name: string, h: HeadingParam): void {
  x.open(name).leaf('wpml:waypointHeadingMode', h.mode).leaf('wpml:waypointHeadingAngle', h.angle).leaf('wpml:waypointPoiPoint', h.poiPoint);
  x.leaf('wpml:waypointHeadingPathMode', h.pathMode).leaf('wpml:waypointHeadingPoiIndex', h.poiIndex).close(name);
}

function group(x: Xml, name: string, g: ActionGroup): void {
  x.open(name).leaf('wpml:actionGroupId', g.id).leaf('wpml:actionGroupStartIndex', g.startIndex).leaf('wpml:actionGroupEndIndex', g.endIndex);
  x.leaf('wpml:actionGroupMode', g.mode).open('wpml:actionTrigger').leaf('wpml:actionTriggerType', g.trigger.type).leaf('wpml:actionTriggerParam', g.trigger.param).close('wpml:actionTrigger');
  for (const a of g.actions) {
    x.open('wpml:action').leaf('wpml:actionId', a.id).leaf('wpml:actionActuatorFunc', a.func);
    params(x, 'wpml:actionActuatorFuncParam', a.params);
    x.close('wpml:action');
  }
  x.close(name);
}

function params(x: Xml, name: string, ps: readonly ParamEntry[]): void {
  x.open(name);
  for (const [k, v] of ps) x.leaf(`wpml:${k}`, v);
  x.close(name);
}
