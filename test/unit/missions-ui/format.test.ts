/** Text the missions panel shows: distances, durations, task lines, readable errors and import problems. */
import { describe, expect, it } from 'vitest';
import type { FlightTask } from '../../../shared/ipc/missions';
import { actionText, formatDistance, formatDuration, issueLines, missionStateText, statusText, taskError, taskLine } from '../../../renderer/src/features/missions/format';
import { base64ToBytes, bytesToBase64, kmzFileName } from '../../../renderer/src/features/missions/files';

const task = (p: Partial<FlightTask>): FlightTask => ({
  flightId: 'f', gateway: 'g', waylineId: 'w', waylineName: 'Square', taskType: 0, executeTime: null, status: 'in_progress', percent: 40,
  currentStep: null, waypointIndex: null, waylineMissionState: null, mediaCount: 0, errorCode: null, errorText: null, createdAt: 0, updatedAt: 0, ...p,
});

describe('missions formatting', () => {
  it('distances and durations, "--" when unknown', () => {
    expect([formatDistance(0), formatDistance(243.6), formatDistance(1234), formatDistance(15_000), formatDistance(null), formatDistance(Number.NaN)]).toEqual(['0 m', '244 m', '1.23 km', '15.0 km', '--', '--']);
    expect([formatDuration(42), formatDuration(65), formatDuration(3725), formatDuration(undefined), formatDuration(-1)]).toEqual(['42 s', '1 min 05 s', '1 h 02 min', '--', '--']);
  });

  it('task lines: state, 1-based waypoint of the route, percent; errors carry the code', () => {
    expect(taskLine(task({ waypointIndex: 2 }), 4)).toBe('In progress · waypoint 3/4 · 40 %');
    expect(taskLine(task({ status: 'ok', percent: 100 }), null)).toBe('Completed · 100 %');
    expect(taskError(task({}))).toBeNull();
    expect(taskError(task({ errorCode: 314013, errorText: 'Failed to obtain the flight route file' }))).toBe('Failed to obtain the flight route file (code 314013)');
    expect(taskError(task({ errorCode: 1 }))).toBe('Unknown error (code 1)');
    expect(statusText('rejected')).toBe('Rejected by the dock');
    expect([missionStateText(6), missionStateText(null), missionStateText(42)]).toEqual(['Executing the wayline', '--', 'State 42']);
  });

  it('import problems name the file, the element and the line', () => {
    const details = { issues: [
      { file: 'template.kml', element: 'wpml:bogus', line: 12, message: 'Unknown element <wpml:bogus> in <Folder> (line 12): not part of WPML.' },
      { file: 'waylines.wpml', element: 'wpml:waypointSpeed', line: null, message: 'Waypoint 0: speed out of range.' },
      { nonsense: true },
    ] };
    expect(issueLines(details)).toEqual([
      'template.kml · <wpml:bogus> · line 12: Unknown element <wpml:bogus> in <Folder> (line 12): not part of WPML.',
      'waylines.wpml · <wpml:waypointSpeed>: Waypoint 0: speed out of range.',
    ]);
    expect(issueLines(undefined)).toEqual([]);
    expect(issueLines({ issues: 'no' })).toEqual([]);
  });

  it('action labels', () => {
    expect([actionText({ kind: 'hover', seconds: 3 }), actionText({ kind: 'gimbalRotate', pitch: -45 }), actionText({ kind: 'zoom', focalLength: 48 })]).toEqual(['Hover 3 s', 'Gimbal pitch -45°', 'Zoom 48 mm']);
  });

  it('KMZ bytes survive base64 both ways; download names are safe', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(kmzFileName('a/b:c.kmz')).toBe('a_b_c.kmz');
    expect(kmzFileName('  ')).toBe('route.kmz');
  });
});
