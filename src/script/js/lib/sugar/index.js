// sugar 1.4 ("extended prototypes" build, as Postman's sandbox loads it): our implementation of
// its documented API. Evaluating this module installs every method as a non-enumerable property
// of the native prototypes and constructors, replacing the lazy accessors that
// prelude/sugar.js put there (a native method that exists is never replaced). The default
// export gives the prelude the shortcut forms of the native Array iterators.
import { installArray } from './array.js';
import { installString } from './string.js';
import { installNumber } from './number.js';
import { installFunction } from './function.js';
import { installDate } from './date.js';
import { installObject } from './object.js';
import { installRegExp } from './regexp.js';
import { shortcuts } from './iterators.js';

installArray();
installString();
installNumber();
installFunction();
installDate();
installObject();
installRegExp();

export default { version: '1.4.1', shortcuts };
