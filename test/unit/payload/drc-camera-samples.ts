/** Documented-valid Dock 3 DRC camera commands, one per method (shared by the unit and integration tests). */
import type { DrcCameraCommand } from '../../../shared/protocol/payload';

/** One documented-valid command per method (the docs' own examples, payload index of the simulated M4TD). */
export const drcCameraSamples = (payload_index = '99-0-0'): DrcCameraCommand[] => [
  { method: 'drc_camera_aperture_value_set', data: { payload_index, camera_type: 'zoom', aperture_value: 280 } },
  { method: 'drc_camera_shutter_set', data: { payload_index, camera_type: 'wide', shutter_value: 16 } },
  { method: 'drc_camera_iso_set', data: { payload_index, camera_type: 'zoom', iso_value: 5 } },
  { method: 'drc_camera_mechanical_shutter_set', data: { payload_index, camera_type: 'wide', mechanical_shutter_state: 0 } },
  { method: 'drc_camera_dewarping_set', data: { payload_index, camera_type: 'wide', dewarping_state: 1 } },
  { method: 'drc_camera_night_mode_set', data: { payload_index, mode: 1 } },
  { method: 'drc_camera_denoise_level_set', data: { payload_index, level: 3 } },
  { method: 'drc_camera_night_vision_enable', data: { payload_index, enable: true } },
  { method: 'drc_infrared_fill_light_enable', data: { payload_index, enable: true } },
  { method: 'drc_camera_photo_format_set', data: { payload_index, photo_format: 16 } },
];

