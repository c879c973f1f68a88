/** One valid `data` per payload method (the docs' examples, with our payload index), in an order the camera accepts. */
import type { PayloadCommand } from '../../../shared/protocol/payload';

export const samples = (payload_index: string): readonly PayloadCommand[] => [
  { method: 'payload_authority_grab', data: { payload_index } },
  { method: 'camera_mode_switch', data: { payload_index, camera_mode: 1 } },
  { method: 'camera_recording_start', data: { payload_index } },
  { method: 'camera_recording_stop', data: { payload_index } },
  { method: 'camera_mode_switch', data: { payload_index, camera_mode: 0 } },
  { method: 'camera_photo_take', data: { payload_index } },
  { method: 'camera_focal_length_set', data: { payload_index, camera_type: 'zoom', zoom_factor: 5 } },
  { method: 'camera_screen_split', data: { payload_index, enable: true } },
  { method: 'camera_point_focus_action', data: { payload_index, camera_type: 'zoom', x: 0.5, y: 0.5 } },
  { method: 'camera_focus_mode_set', data: { payload_index, camera_type: 'zoom', focus_mode: 0 } },
  { method: 'camera_focus_value_set', data: { payload_index, camera_type: 'zoom', focus_value: 5 } },
  { method: 'camera_exposure_mode_set', data: { payload_index, camera_type: 'zoom', exposure_mode: 1 } },
  { method: 'camera_exposure_set', data: { payload_index, camera_type: 'zoom', exposure_value: 5 } },
  { method: 'camera_frame_zoom', data: { payload_index, camera_type: 'zoom', locked: true, x: 0.5, y: 0.5, width: 0.2, height: 0.2 } },
  { method: 'camera_screen_drag', data: { payload_index, locked: true, pitch_speed: 0.1, yaw_speed: 0.1 } },
  { method: 'camera_aim', data: { payload_index, camera_type: 'zoom', locked: true, x: 0.5, y: 0.5 } },
  { method: 'camera_look_at', data: { payload_index, locked: false, latitude: 22.908061, longitude: 113.705107, height: 24.8 } },
  { method: 'gimbal_reset', data: { payload_index, reset_mode: 0 } },
  { method: 'ir_metering_mode_set', data: { payload_index, mode: 1 } },
  { method: 'ir_metering_point_set', data: { payload_index, x: 0.5, y: 0.5 } },
  { method: 'ir_metering_area_set', data: { payload_index, x: 0.1, y: 0.1, width: 0.3, height: 0.3 } },
  { method: 'camera_mode_switch', data: { payload_index, camera_mode: 3 } },
  { method: 'camera_photo_take', data: { payload_index } },
  { method: 'camera_photo_stop', data: { payload_index } },
];
