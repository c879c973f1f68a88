import { describe, expect, it } from 'vitest';
import { parseKmz, parseWpml } from '../../../shared/wpml/parse';
import type { WpmlIssue } from '../../../shared/wpml/model';
import { DOCS_TEMPLATE, DOCS_WAYLINES, docsKmz, kmzOf, withCoordinates } from './fixtures';

const issuesOf = (r: { ok: boolean; error?: { details?: unknown } }): WpmlIssue[] => ((r.error?.details as { issues?: WpmlIssue[] }) ?? {}).issues ?? [];

describe('WPML parser on the docs examples', () => {
  it('imports the template.kml and waylines.wpml examples as a KMZ', () => {
    const r = parseKmz(docsKmz());
    if (!r.ok) throw new Error(r.error.message);
    const f = r.value.file;
    expect(f.author).toBe('Name');
    expect(f.createTime).toBe(1637600807044);
    expect(f.mission).toMatchObject({ flyToWaylineMode: 'safely', finishAction: 'goHome', exitOnRCLost: 'goContinue', executeRCLostAction: 'hover', takeOffSecurityHeight: 20 });
    expect(f.mission.drone).toEqual({ enumValue: 67, subEnumValue: 0 });
    expect(f.mission.payloads).toEqual([{ enumValue: 52, positionIndex: 0 }]);
    expect(f.templates).toHaveLength(1);
    expect(f.templates[0]?.coordinateSys.heightMode).toBe('EGM96');
    expect(f.templates[0]?.waypoints.map((w) => w.index)).toEqual([0, 1]);
    const w = f.waylines[0];
    expect(w?.executeHeightMode).toBe('WGS84');
    expect(w?.waypoints.map((p) => [p.executeHeight, p.speed])).toEqual([[116.57, 10], [116.57, 7]]);
    const g = w?.waypoints[1]?.actionGroups[0];
    expect(g?.trigger.type).toBe('reachPoint');
    expect(g?.actions.map((a) => a.func)).toEqual(['gimbalRotate', 'takePhoto']);
    expect(g?.actions[1]?.params).toEqual([['fileSuffix', 'point1'], ['payloadPositionIndex', 0]]);
    expect(w?.waypoints[0]?.lat).toBeCloseTo(22.5, 6);
  });

  it('refuses the raw docs example (placeholder "longitude,latitude") naming the element and line', () => {
    const r = parseWpml(DOCS_TEMPLATE, DOCS_WAYLINES);
    expect(r.ok).toBe(false);
    const first = issuesOf(r)[0];
    expect(first?.element).toBe('coordinates');
    expect(first?.line).toBeGreaterThan(1);
    expect(r.ok ? '' : r.error.message).toMatch(/longitude,latitude/);
  });

  const mutate = (from: string, to: string, file: 'template' | 'waylines' = 'waylines') => {
    const t = withCoordinates(DOCS_TEMPLATE);
    const w = withCoordinates(DOCS_WAYLINES);
    expect(file === 'template' ? t.includes(from) : w.includes(from)).toBe(true);
    return parseKmz(file === 'template' ? kmzOf(t.replace(from, to), w) : kmzOf(t, w.replace(from, to)));
  };

  it.each([
    ['<wpml:finishAction>goHome</wpml:finishAction>', '<wpml:finishAction>explode</wpml:finishAction>', 'wpml:finishAction', /not one of goHome/],
    ['<wpml:flyToWaylineMode>safely</wpml:flyToWaylineMode>', '<wpml:flyToWaylineMode>fast</wpml:flyToWaylineMode>', 'wpml:flyToWaylineMode', /safely, pointToPoint/],
    ['<wpml:exitOnRCLost>goContinue</wpml:exitOnRCLost>', '<wpml:exitOnRCLost>maybe</wpml:exitOnRCLost>', 'wpml:exitOnRCLost', /goContinue/],
    ['<wpml:executeRCLostAction>hover</wpml:executeRCLostAction>', '<wpml:executeRCLostAction>panic</wpml:executeRCLostAction>', 'wpml:executeRCLostAction', /goBack/],
    ['<wpml:waypointHeadingMode>followWayline', '<wpml:waypointHeadingMode>spin', 'wpml:waypointHeadingMode', /towardPOI/],
    ['<wpml:waypointTurnMode>toPointAndStopWithDiscontinuityCurvature', '<wpml:waypointTurnMode>drift', 'wpml:waypointTurnMode', /coordinateTurn/],
    ['<wpml:actionActuatorFunc>takePhoto', '<wpml:actionActuatorFunc>launchMissile', 'wpml:actionActuatorFunc', /takePhoto/],
    ['<wpml:droneEnumValue>67</wpml:droneEnumValue>', '<wpml:droneEnumValue>4242</wpml:droneEnumValue>', 'wpml:droneEnumValue', /product table/],
    ['<wpml:payloadEnumValue>52</wpml:payloadEnumValue>', '<wpml:payloadEnumValue>4242</wpml:payloadEnumValue>', 'wpml:payloadEnumValue', /product table/],
    ['<wpml:waypointSpeed>7</wpml:waypointSpeed>', '<wpml:waypointSpeed>40</wpml:waypointSpeed>', 'wpml:waypointSpeed', /\(0, 23\]/],
    ['<wpml:globalTransitionalSpeed>10</wpml:globalTransitionalSpeed>', '<wpml:globalTransitionalSpeed>0</wpml:globalTransitionalSpeed>', 'wpml:globalTransitionalSpeed', /below/],
    ['<wpml:takeOffSecurityHeight>20</wpml:takeOffSecurityHeight>', '<wpml:takeOffSecurityHeight>2000</wpml:takeOffSecurityHeight>', 'wpml:takeOffSecurityHeight', /above/],
    ['<wpml:executeHeight>116.57</wpml:executeHeight>', '<wpml:executeHeight>abc</wpml:executeHeight>', 'wpml:executeHeight', /not a number/],
    ['<wpml:index>1</wpml:index>', '<wpml:index>5</wpml:index>', 'wpml:index', /0, 1, 2/],
    ['<wpml:autoFlightSpeed>10</wpml:autoFlightSpeed>', '<wpml:autoFlightSpeed>10</wpml:autoFlightSpeed><wpml:warpDrive>1</wpml:warpDrive>', 'wpml:warpDrive', /Unknown element/],
    ['<wpml:executeHeightMode>WGS84</wpml:executeHeightMode>', '', 'wpml:executeHeightMode', /required/],
  ])('refuses %s → %s with an issue on %s', (from, to, element, msg) => {
    const r = mutate(from, to);
    expect(r.ok).toBe(false);
    const issue = issuesOf(r).find((i) => i.element === element);
    expect(issue, JSON.stringify(issuesOf(r))).toBeDefined();
    expect(issue?.message).toMatch(msg);
  });

  it('gives the line of an unknown element', () => {
    const w = withCoordinates(DOCS_WAYLINES).replace('<wpml:waylineId>0</wpml:waylineId>', '<wpml:waylineId>0</wpml:waylineId>\n<wpml:bogus>1</wpml:bogus>');
    const r = parseKmz(kmzOf(withCoordinates(DOCS_TEMPLATE), w));
    const issue = issuesOf(r).find((i) => i.element === 'wpml:bogus');
    const expected = w.split('\n').findIndex((l) => l.includes('wpml:bogus')) + 1;
    expect(issue?.line).toBe(expected);
  });

  it('refuses malformed XML with the validator line', () => {
    const w = withCoordinates(DOCS_WAYLINES).replace('</wpml:waylineId>', '</wpml:waylineID>');
    const r = parseKmz(kmzOf(withCoordinates(DOCS_TEMPLATE), w));
    expect(r.ok).toBe(false);
    const issue = issuesOf(r)[0];
    expect(issue?.file).toBe('waylines.wpml');
    expect(issue?.line).toBe(w.split('\n').findIndex((l) => l.includes('waylineID')) + 1);
  });
});
