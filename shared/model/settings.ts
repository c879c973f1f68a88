/** Operator settings (persisted in the data directory). */

export interface BrokerSettings {
  /** `embedded` (aedes inside Outpost) or `remote` (EMQX / Mosquitto through mqtt.js). */
  readonly mode: 'embedded' | 'remote';
  readonly mqttPort: number; // embedded: TCP listener
  readonly wsPort: number; // embedded: MQTT over WebSocket listener (0 = off)
  readonly tlsPort: number; // embedded: MQTT over TLS (0 = off; needs tlsCertFile + tlsKeyFile)
  readonly tlsCertFile: string | null;
  readonly tlsKeyFile: string | null;
  /** Remote broker URL, e.g. mqtt://10.0.0.5:1883 or mqtts://… */
  readonly remoteUrl: string | null;
  readonly remoteUsername: string | null;
  readonly remotePassword: string | null;
  /** Optional MQTT shared-subscription group for several Outpost instances. */
  readonly remoteShareGroup: string | null;
}

export interface DeviceCredentials {
  readonly username: string;
  readonly password: string;
}

export interface DjiAppSettings {
  readonly appId: string;
  readonly appKey: string;
  readonly appLicense: string;
  readonly ntpHost: string;
  readonly ntpPort: number;
}

export interface MapSettings {
  /** Extra XYZ/TMS tile source: a URL template with {z}/{x}/{y} or a local folder served by Outpost. */
  readonly xyzUrl: string | null;
  readonly tmsUrl: string | null;
  /** Path to an MBTiles file served by Outpost at /tiles/mbtiles/{z}/{x}/{y}. */
  readonly mbtilesFile: string | null;
}

export interface Settings {
  readonly broker: BrokerSettings;
  readonly device: DeviceCredentials;
  readonly dji: DjiAppSettings;
  readonly map: MapSettings;
  readonly httpPort: number;
  /** Host address devices should use to reach this laptop (advertised in config replies / docs). */
  readonly advertisedHost: string | null;
}
