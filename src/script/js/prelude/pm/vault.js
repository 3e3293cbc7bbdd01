// pm.vault: the `--vault` secrets (`Scopes.vault`), read and written through promises as in the
// Postman app.
const N = globalThis.__postie;

/** `pm.vault`: secrets from `--vault`, as promises. */
export const vault = {
  get(key) { return Promise.resolve(N.vaultGet(String(key))); },
  set(key, value) { N.vaultSet(String(key), value === undefined || value === null ? value : String(value)); return Promise.resolve(); },
  unset(key) { N.vaultUnset(String(key)); return Promise.resolve(); },
};
