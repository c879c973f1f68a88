import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIND_ERR_CODE, createBindingStore, randomBindingCode, type BindingStore, type Organization } from '../../../electron/core/store/bindings';
import type { Db } from '../../../electron/core/store/db';
import { memoryDb } from './fixture';

describe('binding store', () => {
  let db: Db;
  let bindings: BindingStore;
  let org: Organization;
  beforeEach(() => {
    db = memoryDb();
    bindings = createBindingStore(db);
    const r = bindings.ensureDefaultOrganization({ name: 'Field Team' }, 1000);
    if (!r.ok) throw new Error(r.error.message);
    org = r.value;
  });
  afterEach(() => db.close());

  const request = (over: Partial<Parameters<BindingStore['bind']>[0]> = {}) => ({
    sn: 'DOCK1',
    device_binding_code: org.bindingCode,
    organization_id: org.id,
    device_callsign: 'Dock north',
    device_model_key: '3-2-0',
    ...over,
  });

  it('creates the default organization once with a random 6-char code', () => {
    expect(org.name).toBe('Field Team');
    expect(org.bindingCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(org.createdAt).toBe(1000);
    const again = bindings.ensureDefaultOrganization({ name: 'Field Team' }, 2000);
    expect(again).toEqual({ ok: true, value: org });
    expect(bindings.listOrganizations()).toEqual([org]);
  });

  it('takes name and binding code from settings on later starts', () => {
    const r = bindings.ensureDefaultOrganization({ name: 'Renamed', bindingCode: 'XYZ789' });
    expect(r).toEqual({ ok: true, value: { ...org, name: 'Renamed', bindingCode: 'XYZ789' } });
    expect(bindings.organizationByCode('XYZ789')?.id).toBe(org.id);
    expect(bindings.organizationByCode(org.bindingCode)).toBeNull();
  });

  it('refuses an empty binding code or one owned by another organization', () => {
    expect(bindings.ensureDefaultOrganization({ name: 'x', bindingCode: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_binding_code' } });
    db.prepare("INSERT INTO organizations VALUES ('o2', 'Other', 'TAKEN1', 5000)").run();
    expect(bindings.ensureDefaultOrganization({ name: 'x', bindingCode: 'TAKEN1' })).toMatchObject({
      ok: false,
      error: { code: 'binding_code_taken' },
    });
    expect(bindings.listOrganizations().map((o) => o.bindingCode)).toEqual([org.bindingCode, 'TAKEN1']);
  });

  it('finds an organization by code, and checks the org id when the device sends one', () => {
    expect(bindings.organizationByCode(org.bindingCode)).toEqual(org);
    expect(bindings.organizationByCode(org.bindingCode, org.id)).toEqual(org);
    expect(bindings.organizationByCode(org.bindingCode, '')).toEqual(org);
    expect(bindings.organizationByCode(org.bindingCode, 'other-org')).toBeNull();
    expect(bindings.organizationByCode('WRONG1')).toBeNull();
  });

  it('reports an unbound device as not bound, with empty strings on the wire', () => {
    expect(bindings.bindStatus('DOCK1')).toEqual({
      sn: 'DOCK1',
      is_device_bind_organization: false,
      organization_id: '',
      organization_name: '',
      device_callsign: '',
    });
  });

  it('binds with the right code and organization, then reports it', () => {
    expect(bindings.bind(request(), 5000)).toEqual({ ok: true });
    expect(bindings.bindStatus('DOCK1')).toEqual({
      sn: 'DOCK1',
      is_device_bind_organization: true,
      organization_id: org.id,
      organization_name: 'Field Team',
      device_callsign: 'Dock north',
    });
    // Re-binding (e.g. a new callsign) replaces the row.
    expect(bindings.bind(request({ device_callsign: 'Dock south' }), 6000)).toEqual({ ok: true });
    expect(bindings.bindStatus('DOCK1').device_callsign).toBe('Dock south');
    expect(db.prepare('SELECT device_model_key, bound_at FROM device_bindings').all()).toEqual([{ device_model_key: '3-2-0', bound_at: 6000 }]);
  });

  it('refuses a wrong code or organization with a nonzero err_code and binds nothing', () => {
    expect(bindings.bind(request({ device_binding_code: 'WRONG1' }), 1)).toEqual({ ok: false, err_code: BIND_ERR_CODE.wrongCodeOrOrganization });
    expect(bindings.bind(request({ organization_id: 'other' }), 1)).toEqual({ ok: false, err_code: BIND_ERR_CODE.wrongCodeOrOrganization });
    expect(bindings.bind(request({ sn: '' }), 1)).toEqual({ ok: false, err_code: BIND_ERR_CODE.invalidRequest });
    expect(BIND_ERR_CODE.wrongCodeOrOrganization).not.toBe(0);
    expect(bindings.bindStatus('DOCK1').is_device_bind_organization).toBe(false);
  });

  it('unbinds', () => {
    bindings.bind(request(), 1);
    expect(bindings.unbind('DOCK1')).toBe(true);
    expect(bindings.unbind('DOCK1')).toBe(false);
    expect(bindings.bindStatus('DOCK1').is_device_bind_organization).toBe(false);
  });

  it('generates codes from the unambiguous alphabet', () => {
    const codes = new Set(Array.from({ length: 200 }, () => randomBindingCode()));
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(codes.size).toBeGreaterThan(190);
  });
});
