/** Which live tile drives which payload (only the selected aircraft's cameras), and the wheel's zoom steps. */
import { describe, expect, it } from 'vitest';
import { lensTarget, nextZoom } from '../../../../../renderer/src/features/payload/selection';
import type { DeviceSnapshot } from '../../../../../shared/model/device';

const device = (sn: string, over: Partial<DeviceSnapshot>): DeviceSnapshot => ({
  sn, modelKey: null, modelName: null, deviceClass: 'aircraft', online: true, gateway: null, children: [], lastSeen: 0, groups: {}, hms: [], callsign: null, ...over,
});
const camera = (fields: Record<string, unknown>) => ({ camera: { fields: fields as never, updatedAt: 0 } });
const devices = {
  DOCK1: device('DOCK1', { deviceClass: 'dock', children: ['AC1'] }),
  AC1: device('AC1', { gateway: 'DOCK1', groups: camera({ '81-0-0': { gimbal_yaw: 10 }, cameras: [{ payload_index: '81-0-0', zoom_factor: 8, ir_zoom_factor: 18 }] }) }),
  AC2: device('AC2', { groups: camera({ '99-0-0': { gimbal_yaw: 0 } }) }),
};
const stream = (sn: string, cameraIndex: string, videoType: string) => ({ sn, cameraIndex, videoType });

describe('lensTarget', () => {
  it("takes a tile of the selected aircraft's camera (selected directly or through its dock), with the tile's lens", () => {
    for (const selected of ['AC1', 'DOCK1']) {
      expect(lensTarget({ devices, selected }, stream('AC1', '81-0-0', 'ir'))).toMatchObject({ sn: 'AC1', payloadIndex: '81-0-0', lens: 'ir', osd: { gimbal: { gimbal_yaw: 10 } } });
    }
    expect(lensTarget({ devices, selected: 'AC1' }, stream('AC1', '81-0-0', 'zoom'))?.lens).toBe('zoom');
    expect(lensTarget({ devices, selected: 'AC1' }, stream('AC1', '81-0-0', 'normal'))?.lens).toBe('wide'); // the default view is the wide lens
  });

  it("ignores other aircraft, the dock's own camera and nothing selected", () => {
    expect(lensTarget({ devices, selected: 'AC1' }, stream('AC2', '99-0-0', 'ir'))).toBeNull();
    expect(lensTarget({ devices, selected: 'AC1' }, stream('DOCK1', '165-0-7', 'normal'))).toBeNull();
    expect(lensTarget({ devices, selected: 'AC1' }, stream('AC1', '165-0-7', 'normal'))).toBeNull();
    expect(lensTarget({ devices, selected: null }, stream('AC1', '81-0-0', 'ir'))).toBeNull();
  });
});

describe('nextZoom', () => {
  const at = (videoType: string) => lensTarget({ devices, selected: 'AC1' }, stream('AC1', '81-0-0', videoType))!;
  it('steps the lens the tile shows (the zoom lens for the visible views), within the documented range', () => {
    expect(nextZoom(at('ir'), 1)).toEqual({ method: 'camera_focal_length_set', data: { payload_index: '81-0-0', camera_type: 'ir', zoom_factor: 20 } }); // 22.5 → capped at 20
    expect(nextZoom(at('ir'), -1).data).toMatchObject({ camera_type: 'ir', zoom_factor: 14.4 });
    expect(nextZoom(at('normal'), 1).data).toMatchObject({ camera_type: 'zoom', zoom_factor: 10 });
    expect(nextZoom(at('zoom'), -1).data).toMatchObject({ camera_type: 'zoom', zoom_factor: 6.4 });
  });

  it('starts from the lower end when the OSD has no zoom yet', () => {
    const t = lensTarget({ devices, selected: 'AC2' }, stream('AC2', '99-0-0', 'ir'))!;
    expect(nextZoom(t, 1).data).toMatchObject({ payload_index: '99-0-0', camera_type: 'ir', zoom_factor: 2.5 });
  });
});
