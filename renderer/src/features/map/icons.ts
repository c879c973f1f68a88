/** Billboard images as data: SVG (allowed by the CSP's img-src data:), pointing north so rotation = heading. */

const svg = (body: string, size = 32): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${body}</svg>`)}`;

export const AIRCRAFT_ICON = svg(
  '<path d="M16 2 L27 28 L16 22 L5 28 Z" fill="#35d0ff" stroke="#04121a" stroke-width="2" stroke-linejoin="round"/>',
);
export const AIRCRAFT_ICON_SELECTED = svg(
  '<path d="M16 2 L27 28 L16 22 L5 28 Z" fill="#ffd34d" stroke="#04121a" stroke-width="2" stroke-linejoin="round"/>',
);
export const DOCK_ICON = svg(
  '<rect x="5" y="9" width="22" height="16" rx="2" fill="#7fe08a" stroke="#04121a" stroke-width="2"/><path d="M9 17 h14" stroke="#04121a" stroke-width="2"/>',
);
export const DOCK_ICON_OFFLINE = svg(
  '<rect x="5" y="9" width="22" height="16" rx="2" fill="#7a8290" stroke="#04121a" stroke-width="2"/><path d="M9 17 h14" stroke="#04121a" stroke-width="2"/>',
);
