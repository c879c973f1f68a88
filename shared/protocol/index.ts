/** shared/protocol: DJI Cloud API topics, envelope, decode, and the product/mode/HMS/error tables. */
export * from './types';
export { parseTopic, topics, replyTopicOf, UPLINK_SUBSCRIPTIONS } from './topics';
export { envelopeSchema, drcEnvelopeSchema, makeEnvelope, replyEnvelope, encode, newId } from './envelope';
export type { EnvelopeInit, ReplyOptions } from './envelope';
export { decode, DEFAULT_MAX_BYTES } from './decode';
export { knownMethods } from './method-registry';
export type { MethodFamily } from './method-registry';
export type {
  UpdateTopoData,
  HmsData,
  HmsItem,
  ConfigRequestData,
  AirportBindStatusData,
  AirportOrganizationGetData,
  AirportOrganizationBindData,
  StorageConfigGetData,
  FlighttaskResourceGetData,
} from './data-schemas';
export { PRODUCTS, productByKey, productOfPayloadIndex, modelKey, deviceClassOfDomain } from './products';
export type { Product, DeviceClass } from './products';
export { DOCK_MODE_TEXT, AIRCRAFT_MODE_TEXT, dockModeText, aircraftModeText } from './modes';
export { hmsText, hmsCopyKeys } from './hms';
export type { HmsTextOptions } from './hms';
export { errorText } from './errors';
