/** Reading file_upload_callback (dock) and upload-callback (Pilot 2) bodies: DJI's string numbers, both time formats, no-fix positions. */
import { describe, expect, it } from 'vitest';
import { parseDockCallback, parseFile, parseTime } from '../../../electron/core/media/callback';

// The example of dock2 40.file.md, verbatim.
const DOC_EXAMPLE = {
  file: {
    cloud_to_cloud_id: 'DEFAULT',
    ext: { drone_model_key: '0-67-0', flight_id: 'xxx', is_original: true, payload_model_key: '0-67-0' },
    metadata: { absolute_altitude: 56.311, create_time: '2021-05-10 16:04:20', gimbal_yaw_degree: '-91.40', relative_altitude: 41.124, shoot_position: { lat: 22.1, lng: 122.5 } },
    name: 'dog.jpeg',
    object_key: 'object_key',
    path: 'xxx',
  },
  flight_task: { expected_file_count: 14, flight_type: 0, uploaded_file_count: 12 },
};

describe('media callbacks', () => {
  it('reads the documented dock example', () => {
    const r = parseDockCallback(DOC_EXAMPLE);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ objectKey: 'object_key', name: 'dog.jpeg', path: 'xxx', flightId: 'xxx', droneModelKey: '0-67-0', isOriginal: true, gimbalYaw: -91.4, absoluteAltitude: 56.311, relativeAltitude: 41.124, lat: 22.1, lng: 122.5, capturedAt: Date.UTC(2021, 4, 10, 16, 4, 20) }),
    });
  });

  it('names the field that is wrong', () => {
    expect(parseDockCallback({ file: { name: 'a.jpg' } })).toMatchObject({ ok: false, error: { code: 'invalid_data', message: 'file_upload_callback: object_key must be a non-empty string.' } });
    expect(parseDockCallback('nope')).toMatchObject({ ok: false });
  });

  it('treats 0,0 and out-of-range positions as unknown, and reads ISO times with zones', () => {
    const r = parseFile({ object_key: 'k', metadata: { shoot_position: { lat: 0, lng: 0 }, created_time: '2026-01-02T03:04:05+02:00' } }, 'x');
    expect(r.ok && [r.value.lat, r.value.lng, r.value.capturedAt]).toEqual([null, null, Date.UTC(2026, 0, 2, 1, 4, 5)]);
    expect(parseTime('garbage')).toBeNull();
  });
});
