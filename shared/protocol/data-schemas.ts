/** zod schemas for the `data` of the messages the engine acts on (field tables of the Dock 1/2/3 and Pilot MQTT pages). */
import { z } from 'zod';

/** Docs send domain as "3" and type/sub_type as ints; the simulator sends strings; the demo ints (enums.md §1). */
const productCode = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
/** Docs say enum_int 0/1, the demo models in_the_sky/imminent as bool: accept both, normalise to 0/1. */
const flag = z.union([z.number(), z.boolean().transform((b) => (b ? 1 : 0))]);

const subDevice = z.looseObject({
  sn: z.string(),
  domain: productCode,
  type: productCode,
  sub_type: productCode,
  index: z.string(),
  device_secret: z.string().optional(),
  nonce: z.string().optional(),
  thing_version: z.string().optional(),
});

/** status `update_topo`; empty `sub_devices` = the aircraft went offline (device pages, "sub_devices offline"). */
export const updateTopoSchema = z.looseObject({
  domain: productCode,
  type: productCode,
  sub_type: productCode,
  device_secret: z.string().optional(),
  nonce: z.string().optional(),
  thing_version: z.string().optional(),
  sub_devices: z.array(subDevice),
});

/** events `hms` (Dock hms pages): the complete list of current alerts. */
export const hmsSchema = z.looseObject({
  list: z.array(
    z.looseObject({
      level: z.number(),
      module: z.number(),
      in_the_sky: flag,
      code: z.string(),
      device_type: z.string(),
      imminent: flag,
      args: z
        .looseObject({ component_index: z.number().optional(), sensor_index: z.number().optional() })
        .optional(),
    }),
  ),
});

/** requests `config` (config page): the device asks for app id/key/license and NTP. */
export const configSchema = z.looseObject({ config_type: z.string(), config_scope: z.string() });

/** requests `airport_bind_status` (organization page). */
export const airportBindStatusSchema = z.looseObject({ devices: z.array(z.looseObject({ sn: z.string() })) });

/** requests `airport_organization_get` (organization page). */
export const airportOrganizationGetSchema = z.looseObject({
  device_binding_code: z.string(),
  organization_id: z.string(),
});

/** requests `airport_organization_bind` (organization page). */
export const airportOrganizationBindSchema = z.looseObject({
  bind_devices: z.array(
    z.looseObject({
      device_binding_code: z.string(),
      organization_id: z.string(),
      device_callsign: z.string(),
      sn: z.string(),
      device_model_key: z.string(),
    }),
  ),
});

/** requests `storage_config_get` (media / psdk pages): module 0 media, 1 PSDK UI resources. */
export const storageConfigGetSchema = z.looseObject({ module: z.number() });

/** requests `flighttask_resource_get` (wayline page): refresh the wayline file URL. */
export const flighttaskResourceGetSchema = z.looseObject({ flight_id: z.string() });

/** services_reply: `{result, output?}`, result 0 = success (SUMMARY.md §4.2). */
export const servicesReplySchema = z.looseObject({ result: z.number(), output: z.unknown().optional() });

export type UpdateTopoData = z.output<typeof updateTopoSchema>;
export type HmsData = z.output<typeof hmsSchema>;
export type HmsItem = HmsData['list'][number];
export type ConfigRequestData = z.output<typeof configSchema>;
export type AirportBindStatusData = z.output<typeof airportBindStatusSchema>;
export type AirportOrganizationGetData = z.output<typeof airportOrganizationGetSchema>;
export type AirportOrganizationBindData = z.output<typeof airportOrganizationBindSchema>;
export type StorageConfigGetData = z.output<typeof storageConfigGetSchema>;
export type FlighttaskResourceGetData = z.output<typeof flighttaskResourceGetSchema>;
