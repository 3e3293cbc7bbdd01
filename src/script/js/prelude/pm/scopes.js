// The variable scopes: pm.environment, pm.globals, pm.collectionVariables, pm.iterationData and the
// merged pm.variables. Values live in Rust (`Scopes`); each call reads or writes them directly, so
// values keep their JS types and every script sees the changes of the ones before it.
import { VariableList } from './list.js';

const N = globalThis.__postie;

/** Replaces `{{vars}}` in strings, deep inside arrays and plain objects. */
function replaceDeep(scope, value) {
  if (typeof value === 'string') return N.replaceIn(scope, value);
  if (Array.isArray(value)) return value.map((v) => replaceDeep(scope, v));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out = {};
    for (const k of Object.keys(value)) out[k] = replaceDeep(scope, value[k]);
    return out;
  }
  return value;
}

/** Hooks a script installs to see writes before they happen (the legacy globals are snapshots
 * of the scopes as the script started): `beforeWrite(scope, key)`, key undefined for clear(). */
export const scopeHooks = { beforeWrite: null };

/** One named scope (`environment`, `globals`, `collectionVariables`, `iterationData`). */
export class VariableScope {
  constructor(scope) {
    Object.defineProperty(this, '_scope', { value: scope, enumerable: false });
  }

  _write(key) { if (scopeHooks.beforeWrite) scopeHooks.beforeWrite(this._scope, key); }

  get(key) { return N.varGet(this._scope, String(key)); }
  has(key) { return N.varHas(this._scope, String(key)); }

  set(key, value, type) {
    if (key === undefined || key === null) return;
    this._write(String(key));
    if (type === undefined) N.varSet(this._scope, String(key), value);
    else N.varSet(this._scope, String(key), value, String(type));
  }

  unset(key) {
    this._write(String(key));
    N.varUnset(this._scope, String(key));
  }

  clear() {
    this._write();
    N.varClear(this._scope);
  }

  toObject() { return N.varObject(this._scope); }

  /** `{id, name, values: [{key, value, type, enabled}]}` as the SDK serialises a scope. */
  toJSON() { return N.scopeJSON(this._scope); }

  get name() { const n = N.scopeName(this._scope); return n === null ? undefined : n; }
  get id() { const n = N.scopeId(this._scope); return n === null ? undefined : n; }

  /** A snapshot of the scope's variables as a VariableList. */
  get values() { return new VariableList(this, N.scopeJSON(this._scope).values); }

  /** Deprecated alias of toObject(). */
  variables() { return this.toObject(); }

  replaceIn(template) { return replaceDeep(this._scope, template); }

  syncVariablesTo(target) {
    const obj = target && typeof target === 'object' ? target : {};
    for (const k of Object.keys(obj)) delete obj[k];
    return Object.assign(obj, this.toObject());
  }

  syncVariablesFrom(source) {
    if (!source || typeof source !== 'object') return;
    const current = this.toObject();
    for (const k of Object.keys(current)) if (!Object.hasOwn(source, k)) this.unset(k);
    for (const k of Object.keys(source)) this.set(k, source[k]);
  }
}

/** `pm.variables`: reads through all layers (local > data > environment > collection > globals),
 * writes to the run's local layer. */
export class MergedScope extends VariableScope {
  constructor() { super('variables'); }
  get(key) { return N.varGet('merged', String(key)); }
  has(key) { return N.varHas('merged', String(key)); }
  toObject() { return N.varObject('merged'); }
  toJSON() { return N.scopeJSON('variables'); }
  replaceIn(template) { return replaceDeep('merged', template); }
}

export const scopes = {
  environment: new VariableScope('environment'),
  globals: new VariableScope('globals'),
  collectionVariables: new VariableScope('collectionVariables'),
  iterationData: new VariableScope('iterationData'),
  variables: new MergedScope(),
};
