/** The MQTT link: one `Link` interface, created only through `createLink` (embedded aedes or a remote broker). */
export * from './types';
export { createLink, type AnyLink, type LinkDeps } from './manager';
export { createEmbeddedLink, type EmbeddedLink, type EmbeddedLinkOptions, type LinkPorts } from './embedded';
export { createRemoteLink, uplinkFilters, UPLINK_FILTERS, type RemoteLink, type RemoteLinkOptions } from './remote';
export { createDeviceAuth, DEVICE_PRINCIPAL, type DeviceAuth, type DeviceAuthOptions, type Principal, type TemporaryPrincipal } from './auth';
export { Backoff, defaultBackoff, type BackoffOptions } from './backoff';
export { decideDevice, decideAllowList, looksLikeSn, snLevelOf, topicMatches, type AclDecision } from './acl';
