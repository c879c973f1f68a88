/**
 * Organizations and device bindings behind the dock's binding requests
 * (`airport_bind_status`, `airport_organization_get`, `airport_organization_bind`;
 * official-en 60.api-reference/20.dock-to-cloud/00.mqtt/20.dock/10.dock2/20.organization.md).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { appError, err, ok, type Result } from '../../../shared/util/result';
import type { Db } from './db';

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly bindingCode: string;
  readonly createdAt: number;
}

/** One `bind_status[]` item of the `airport_bind_status` reply, spelled as on the wire. */
export interface BindStatus {
  readonly sn: string;
  readonly is_device_bind_organization: boolean;
  readonly organization_id: string;
  readonly organization_name: string;
  readonly device_callsign: string;
}

/** One `bind_devices[]` item of `airport_organization_bind`, spelled as on the wire. */
export interface BindRequest {
  readonly sn: string;
  readonly device_binding_code: string;
  readonly organization_id: string;
  readonly device_callsign: string;
  readonly device_model_key: string;
}

/**
 * Nonzero `err_infos[].err_code` values. The docs only say 0 is success; 210231
 * is the value their example shows, used here for a code/organization mismatch.
 */
export const BIND_ERR_CODE = { wrongCodeOrOrganization: 210231, invalidRequest: 210232 } as const;

export type BindResult = { readonly ok: true } | { readonly ok: false; readonly err_code: number };

export interface BindingStore {
  /**
   * The oldest organization, created with a random 6-char code on first start;
   * an existing one takes `name` and (when given) `bindingCode` from settings.
   */
  ensureDefaultOrganization(opts: { name: string; bindingCode?: string }, at?: number): Result<Organization>;
  /** For `airport_organization_get`: the code must match, and the org id too when given. */
  organizationByCode(code: string, orgId?: string): Organization | null;
  bindStatus(sn: string): BindStatus;
  bind(req: BindRequest, at: number): BindResult;
  /** True when a binding existed. */
  unbind(sn: string): boolean;
  listOrganizations(): readonly Organization[];
}

interface OrgRow {
  id: string;
  name: string;
  binding_code: string;
  created_at: number;
}

/** No 0/O/1/I: the code is typed by hand into Pilot 2 or read aloud. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomBindingCode(length = 6): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export function createBindingStore(db: Db): BindingStore {
  const oldestOrg = db.prepare<[], OrgRow>('SELECT * FROM organizations ORDER BY created_at, rowid LIMIT 1');
  const orgById = db.prepare<[string], OrgRow>('SELECT * FROM organizations WHERE id = ?');
  const orgByCode = db.prepare<[string], OrgRow>('SELECT * FROM organizations WHERE binding_code = ?');
  const listOrgs = db.prepare<[], OrgRow>('SELECT * FROM organizations ORDER BY created_at, rowid');
  const insertOrg = db.prepare('INSERT INTO organizations (id, name, binding_code, created_at) VALUES (?, ?, ?, ?)');
  const updateOrg = db.prepare('UPDATE organizations SET name = ?, binding_code = ? WHERE id = ?');
  const statusStmt = db.prepare<[string], { organization_id: string; organization_name: string; callsign: string }>(`
    SELECT b.organization_id, o.name AS organization_name, b.callsign
    FROM device_bindings b JOIN organizations o ON o.id = b.organization_id WHERE b.sn = ?
  `);
  const bindStmt = db.prepare(`
    INSERT INTO device_bindings (sn, organization_id, callsign, device_model_key, bound_at)
    VALUES (@sn, @organization_id, @callsign, @device_model_key, @bound_at)
    ON CONFLICT (sn) DO UPDATE SET organization_id = excluded.organization_id, callsign = excluded.callsign,
      device_model_key = excluded.device_model_key, bound_at = excluded.bound_at
  `);
  const unbindStmt = db.prepare<[string]>('DELETE FROM device_bindings WHERE sn = ?');

  const ensureDefault = db.transaction((opts: { name: string; bindingCode?: string }, at: number): Result<Organization> => {
    if (opts.bindingCode !== undefined && opts.bindingCode.trim() === '') {
      return err(appError('invalid_binding_code', 'The organization binding code must not be empty.'));
    }
    const existing = oldestOrg.get();
    const owner = opts.bindingCode === undefined ? undefined : orgByCode.get(opts.bindingCode);
    if (owner !== undefined && owner.id !== existing?.id) {
      return err(appError('binding_code_taken', `Binding code ${opts.bindingCode} already belongs to organization "${owner.name}".`));
    }
    if (existing === undefined) {
      const row: OrgRow = { id: randomUUID(), name: opts.name, binding_code: opts.bindingCode ?? freshCode(), created_at: Math.trunc(at) };
      insertOrg.run(row.id, row.name, row.binding_code, row.created_at);
      return ok(toOrg(row));
    }
    // Settings own the name and (when given) the code; keep the row in step with them.
    const code = opts.bindingCode ?? existing.binding_code;
    if (existing.name !== opts.name || existing.binding_code !== code) updateOrg.run(opts.name, code, existing.id);
    return ok(toOrg({ ...existing, name: opts.name, binding_code: code }));
  });

  function freshCode(): string {
    for (;;) {
      const code = randomBindingCode();
      if (orgByCode.get(code) === undefined) return code;
    }
  }

  return {
    ensureDefaultOrganization: (opts, at = Date.now()) => ensureDefault(opts, at),
    organizationByCode: (code, orgId) => {
      const row = orgByCode.get(code);
      if (row === undefined || (orgId !== undefined && orgId !== '' && row.id !== orgId)) return null;
      return toOrg(row);
    },
    bindStatus: (sn) => {
      const row = statusStmt.get(sn);
      return row === undefined
        ? { sn, is_device_bind_organization: false, organization_id: '', organization_name: '', device_callsign: '' }
        : {
            sn,
            is_device_bind_organization: true,
            organization_id: row.organization_id,
            organization_name: row.organization_name,
            device_callsign: row.callsign,
          };
    },
    bind: (req, at) => {
      if (typeof req.sn !== 'string' || req.sn === '') return { ok: false, err_code: BIND_ERR_CODE.invalidRequest };
      const org = orgById.get(req.organization_id);
      if (org === undefined || org.binding_code !== req.device_binding_code) {
        return { ok: false, err_code: BIND_ERR_CODE.wrongCodeOrOrganization };
      }
      bindStmt.run({
        sn: req.sn,
        organization_id: org.id,
        callsign: req.device_callsign ?? '',
        device_model_key: req.device_model_key ?? null,
        bound_at: Math.trunc(at),
      });
      return { ok: true };
    },
    unbind: (sn) => unbindStmt.run(sn).changes > 0,
    listOrganizations: () => listOrgs.all().map(toOrg),
  };
}

function toOrg(r: OrgRow): Organization {
  return { id: r.id, name: r.name, bindingCode: r.binding_code, createdAt: r.created_at };
}
