/** The product table: model key "{domain}-{type}-{sub_type}" → product (enums.md §1.1/§1.2, overview/product-support). */

export type DeviceClass = 'dock' | 'aircraft' | 'rc' | 'payload';

export interface Product {
  readonly key: string;
  readonly name: string;
  readonly domain: number;
  readonly deviceClass: DeviceClass;
}

/** Domains (demo DeviceDomainEnum): 0 aircraft, 1 payload, 2 remote controller, 3 dock. */
export function deviceClassOfDomain(domain: number): DeviceClass | null {
  switch (domain) {
    case 0:
      return 'aircraft';
    case 1:
      return 'payload';
    case 2:
      return 'rc';
    case 3:
      return 'dock';
    default:
      return null;
  }
}

/** `type` is only unique within a domain, so products are always keyed on all three numbers. */
export const modelKey = (domain: number, type: number, subType: number): string => `${domain}-${type}-${subType}`;

const ROWS: ReadonlyArray<readonly [string, string]> = [
  // Docks
  ['3-1-0', 'DJI Dock'],
  ['3-2-0', 'DJI Dock 2'],
  ['3-3-0', 'DJI Dock 3'],
  // Aircraft
  ['0-67-0', 'Matrice 30'],
  ['0-67-1', 'Matrice 30T'],
  ['0-91-0', 'Matrice 3D'],
  ['0-91-1', 'Matrice 3TD'],
  ['0-100-0', 'Matrice 4D'],
  ['0-100-1', 'Matrice 4TD'],
  ['0-89-0', 'Matrice 350 RTK'],
  ['0-60-0', 'Matrice 300 RTK'],
  ['0-103-0', 'Matrice 400'],
  ['0-99-0', 'DJI Matrice 4E'],
  ['0-99-1', 'DJI Matrice 4T'],
  ['0-77-0', 'Mavic 3 Enterprise'],
  ['0-77-1', 'Mavic 3 Thermal'],
  ['0-77-2', 'Mavic 3 Multispectral'],
  ['0-77-3', 'Mavic 3TA'],
  // Remote controllers
  ['2-56-0', 'DJI Smart Controller Enterprise'],
  ['2-119-0', 'DJI RC Plus'],
  ['2-174-0', 'DJI RC Plus 2'],
  ['2-144-0', 'DJI RC Pro Enterprise'],
  // Payloads (domain 1); the payload index adds the gimbal position: "{type}-{sub_type}-{gimbalindex}"
  ['1-20-0', 'Zenmuse Z30'],
  ['1-26-0', 'Zenmuse XT2'],
  ['1-39-0', 'FPV camera'],
  ['1-41-0', 'Zenmuse XT S'],
  ['1-42-0', 'Zenmuse H20'],
  ['1-43-0', 'Zenmuse H20T'],
  ['1-50-65535', 'Zenmuse P1'],
  ['1-52-0', 'Matrice 30 camera'],
  ['1-53-0', 'Matrice 30T camera'],
  ['1-61-0', 'Zenmuse H20N'],
  ['1-66-0', 'Mavic 3E camera'],
  ['1-67-0', 'Mavic 3T camera'],
  ['1-68-0', 'Mavic 3M camera'],
  ['1-129-0', 'Mavic 3TA camera'],
  ['1-80-0', 'Matrice 3D camera'],
  ['1-81-0', 'Matrice 3TD camera'],
  ['1-82-0', 'Zenmuse H30'],
  ['1-83-0', 'Zenmuse H30T'],
  ['1-88-0', 'DJI Matrice 4E camera'],
  ['1-89-0', 'DJI Matrice 4T camera'],
  ['1-98-0', 'Matrice 4D camera'],
  ['1-99-0', 'Matrice 4TD camera'],
  ['1-165-0', 'Dock camera'],
  ['1-176-0', 'Aircraft auxiliary camera'],
  ['1-90742-0', 'Zenmuse L1'],
];

export const PRODUCTS: ReadonlyMap<string, Product> = new Map(
  ROWS.map(([key, name]) => {
    const domain = Number(key.split('-')[0]);
    return [key, { key, name, domain, deviceClass: deviceClassOfDomain(domain) ?? 'payload' }];
  }),
);

/** The product of a model key ("0-67-1"), or null when unknown. */
export const productByKey = (key: string): Product | null => PRODUCTS.get(key) ?? null;

/** The payload product of a payload index "{type}-{sub_type}-{gimbalindex}" ("53-0-0"). */
export function productOfPayloadIndex(index: string): Product | null {
  const [type, subType] = index.split('-');
  return type === undefined || subType === undefined ? null : productByKey(`1-${type}-${subType}`);
}
