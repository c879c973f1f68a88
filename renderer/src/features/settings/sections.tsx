/** The settings form's sections: broker, device credentials, DJI app, map layers. */
import type { Settings } from '../../../../shared/model/settings';
import { NumberField, SelectField, TextField } from './fields';
import type { FieldErrors } from './validate';

export type Section = Exclude<keyof Settings, 'httpPort' | 'advertisedHost'>;
export interface SectionProps {
  readonly s: Settings;
  readonly errors: FieldErrors;
  readonly set: <K extends Section>(section: K, patch: Partial<Settings[K]>) => void;
}

const str = (v: string | null): string => v ?? '';

export function BrokerSection({ s, errors, set }: SectionProps) {
  const b = s.broker;
  return (
    <fieldset>
      <legend>MQTT broker</legend>
      <SelectField label="Mode" name="broker.mode" value={b.mode} options={['embedded', 'remote'] as const} onChange={(mode) => set('broker', { mode })} />
      {b.mode === 'embedded' ? (
        <div className="grid3">
          <NumberField label="MQTT port" name="broker.mqttPort" value={b.mqttPort} error={errors['broker.mqttPort']} onChange={(mqttPort) => set('broker', { mqttPort })} />
          <NumberField label="MQTT/WS port" name="broker.wsPort" value={b.wsPort} error={errors['broker.wsPort']} hint="0 = off" onChange={(wsPort) => set('broker', { wsPort })} />
          <NumberField label="MQTT/TLS port" name="broker.tlsPort" value={b.tlsPort} error={errors['broker.tlsPort']} hint="0 = off" onChange={(tlsPort) => set('broker', { tlsPort })} />
          <TextField label="TLS certificate file" name="broker.tlsCertFile" value={b.tlsCertFile} error={errors['broker.tlsCertFile']} onChange={(tlsCertFile) => set('broker', { tlsCertFile })} />
          <TextField label="TLS key file" name="broker.tlsKeyFile" value={b.tlsKeyFile} error={errors['broker.tlsKeyFile']} onChange={(tlsKeyFile) => set('broker', { tlsKeyFile })} />
        </div>
      ) : (
        <div className="grid2">
          <TextField label="Remote URL" name="broker.remoteUrl" value={b.remoteUrl} error={errors['broker.remoteUrl']} hint="mqtt://host:1883" onChange={(remoteUrl) => set('broker', { remoteUrl })} />
          <TextField label="Share group" name="broker.remoteShareGroup" value={b.remoteShareGroup} error={errors['broker.remoteShareGroup']} hint="optional, for several Outposts" onChange={(remoteShareGroup) => set('broker', { remoteShareGroup })} />
          <TextField label="Username" name="broker.remoteUsername" value={b.remoteUsername} error={errors['broker.remoteUsername']} onChange={(remoteUsername) => set('broker', { remoteUsername })} />
          <TextField label="Password" name="broker.remotePassword" secret value={b.remotePassword} error={errors['broker.remotePassword']} onChange={(remotePassword) => set('broker', { remotePassword })} />
        </div>
      )}
    </fieldset>
  );
}

export function DeviceSection({ s, errors, set }: SectionProps) {
  return (
    <fieldset>
      <legend>Device credentials (MQTT)</legend>
      <div className="grid2">
        <TextField label="Username" name="device.username" value={s.device.username} error={errors['device.username']} onChange={(v) => set('device', { username: str(v) })} />
        <TextField label="Password" name="device.password" secret value={s.device.password} error={errors['device.password']} onChange={(v) => set('device', { password: str(v) })} />
      </div>
    </fieldset>
  );
}

export function DjiSection({ s, errors, set }: SectionProps) {
  const d = s.dji;
  return (
    <fieldset>
      <legend>DJI app &amp; time</legend>
      <div className="grid3">
        <TextField label="App ID" name="dji.appId" value={d.appId} error={errors['dji.appId']} onChange={(v) => set('dji', { appId: str(v) })} />
        <TextField label="App key" name="dji.appKey" secret value={d.appKey} error={errors['dji.appKey']} onChange={(v) => set('dji', { appKey: str(v) })} />
        <TextField label="App license" name="dji.appLicense" secret value={d.appLicense} error={errors['dji.appLicense']} onChange={(v) => set('dji', { appLicense: str(v) })} />
        <TextField label="NTP host" name="dji.ntpHost" value={d.ntpHost} error={errors['dji.ntpHost']} onChange={(v) => set('dji', { ntpHost: str(v) })} />
        <NumberField label="NTP port" name="dji.ntpPort" value={d.ntpPort} error={errors['dji.ntpPort']} onChange={(ntpPort) => set('dji', { ntpPort })} />
      </div>
    </fieldset>
  );
}

export function MapSection({ s, errors, set }: SectionProps) {
  const m = s.map;
  return (
    <fieldset>
      <legend>Map layers (offline)</legend>
      <TextField label="XYZ tiles" name="map.xyzUrl" value={m.xyzUrl} error={errors['map.xyzUrl']} hint="URL template with {z}/{x}/{y}, or a local folder; other hosts are fetched through Outpost" onChange={(xyzUrl) => set('map', { xyzUrl })} />
      <TextField label="TMS tiles" name="map.tmsUrl" value={m.tmsUrl} error={errors['map.tmsUrl']} hint="URL template or local folder (TMS y axis)" onChange={(tmsUrl) => set('map', { tmsUrl })} />
      <TextField label="MBTiles file" name="map.mbtilesFile" value={m.mbtilesFile} error={errors['map.mbtilesFile']} hint="path on the Outpost machine" onChange={(mbtilesFile) => set('map', { mbtilesFile })} />
    </fieldset>
  );
}
