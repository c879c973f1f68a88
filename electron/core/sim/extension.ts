/**
 * Extension point of a simulated device: capabilities (DRC flight, payload control, live
 * video…) plug in here, each in its own file under sim/extensions/, without touching device.ts.
 */
import type { Result } from '../../../shared/util/result';
import type { Clock } from '../util/clock';
import type { DownMessage } from './envelope';
import type { Logger } from '../util/log';
import type { FlightModel, FlightSnapshot, Home } from './flight';
import type { SimKind } from './products';
import type { Scheduler } from './scheduler';
import type { ServiceReplyData } from './services';

export interface SimPublishOptions {
  readonly method?: string;
  readonly tid?: string;
  readonly bid?: string;
  readonly qos?: 0 | 1;
  readonly needReply?: boolean;
}

/** What an extension may use of its device. */
export interface SimDeviceApi {
  readonly kind: SimKind;
  readonly gatewaySn: string;
  readonly aircraftSn: string;
  /** The broker URL and credentials the device itself connected with. */
  readonly url: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly home: Home;
  readonly clock: Clock;
  readonly log: Logger;
  /** The device's (or fleet's) shared scheduler: `every(periodMs, fn, offsetMs)` returns a cancel. */
  readonly scheduler: Scheduler;
  /** The aircraft's kinematics. */
  readonly flight: FlightModel;
  snapshot(): FlightSnapshot;
  /** Publish a device→cloud message on the device's main connection; `label` counts it in stats. */
  publish(label: string, topic: string, data: unknown, opts?: SimPublishOptions): void;
  /** Aircraft OSD/state properties the device publishes (mutable: extensions may add payload state). */
  readonly aircraftOsdProps: Record<string, unknown>;
  publishAircraftState(data: Record<string, unknown>): void;
  /** Send a `requests` method (e.g. storage_config_get) and await its requests_reply. */
  request(method: string, data: unknown): Promise<Result<DownMessage>>;
  /** Send an `events` method with need_reply 1 (e.g. file_upload_callback) and await its events_reply. */
  event(method: string, data: unknown): Promise<Result<DownMessage>>;
  /** Ask the extensions to answer a drc/down method the DRC link does not handle itself (first non-null `drc` answer). */
  answerDrc(method: string, data: unknown): Record<string, unknown> | null;
  /** Push on drc/up with the link's own seq (set by the DRC extension while its link is up, null otherwise). */
  readonly drcUp: { push: ((method: string, data: unknown) => void) | null };
}

export interface SimExtension {
  /** Answer a `services` method, or return null to let the device's default table answer. */
  service?(method: string, data: unknown): ServiceReplyData | null;
  /** Answer a drc/down method during DRC (e.g. RC Plus 2's `drc_camera_aim`): the drc/up `data`, or null if not ours. */
  drc?(method: string, data: unknown): Record<string, unknown> | null;
  /** Take the property/set keys this capability owns: return their property/set_reply entries, or null. */
  propertySet?(data: Readonly<Record<string, unknown>>): Record<string, unknown> | null;
  stop?(): void | Promise<void>;
}

export type SimExtensionFactory = (api: SimDeviceApi) => SimExtension;
