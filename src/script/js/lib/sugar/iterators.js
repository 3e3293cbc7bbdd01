// The shortcut forms sugar 1.4 adds to the native Array iterators: `map('length')` (a
// property name, a method called on each element), and "array matching" for filter, find,
// findIndex, every and some (`[1,2,3].filter(2)`, `list.find({id: 5})`, `names.every(/^a/)`).
// The prelude's wrappers (prelude/sugar.js) call the native method whenever the first argument
// is a function and come here only for the other forms.
import { matcher, mapper } from './common.js';

export const shortcuts = {
  map(f, context) {
    const m = mapper(f, context);
    const out = new Array(this.length);
    for (let i = 0; i < this.length; i++) if (i in this) out[i] = m(this[i], i, this);
    return out;
  },
  filter(f, context) {
    const test = matcher(f, context);
    const out = [];
    for (let i = 0; i < this.length; i++) if (i in this && test(this[i], i, this)) out.push(this[i]);
    return out;
  },
  find(f, context) {
    const i = shortcuts.findIndex.call(this, f, context);
    return i < 0 ? undefined : this[i];
  },
  findIndex(f, context) {
    const test = matcher(f, context);
    for (let i = 0; i < this.length; i++) if (test(this[i], i, this)) return i;
    return -1;
  },
  every(f, context) {
    const test = matcher(f, context);
    for (let i = 0; i < this.length; i++) if (i in this && !test(this[i], i, this)) return false;
    return true;
  },
  some(f, context) {
    const test = matcher(f, context);
    for (let i = 0; i < this.length; i++) if (i in this && test(this[i], i, this)) return true;
    return false;
  },
};
