/** Input maths for flying with a gamepad: calibration, expo, stick modes, speed modes, button actions, wire encodings (pure). */
export * from './actions';
export * from './calibration';
export * from './camera';
export * from './gimbal';
export * from './hold';
export * from './modes';
export * from './profile';
export * from './speed';
export * from './sticks';
