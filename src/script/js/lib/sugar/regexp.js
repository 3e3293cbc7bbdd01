// sugar 1.4 RegExp methods: RegExp.escape and the flag helpers getFlags/setFlags/addFlag/
// removeFlag (each returning a new regexp).
import { define } from './common.js';
import { escapeRegExp } from './string.js';

function flagsOf(re) {
  return (re.multiline ? 'm' : '') + (re.ignoreCase ? 'i' : '') + (re.global ? 'g' : '') + (re.sticky ? 'y' : '');
}

const methods = {
  getFlags() { return flagsOf(this); },
  setFlags(flags) { return new RegExp(this.source, flags); },
  addFlag(flag) {
    const flags = flagsOf(this);
    return new RegExp(this.source, flags.includes(flag) ? flags : flags + flag);
  },
  removeFlag(flag) { return new RegExp(this.source, flagsOf(this).split(flag).join('')); },
};

export function installRegExp() {
  define(RegExp.prototype, methods);
  define(RegExp, { escape: (s) => escapeRegExp(s === undefined ? 'undefined' : s) });
}
