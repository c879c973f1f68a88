/** Input maths for flying with a gamepad: calibration, expo, stick modes, wire encodings (pure). */
export * from './calibration';
export * from './modes';
export * from './profile';
export * from './sticks';
