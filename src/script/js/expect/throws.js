// throw / throws / Throw: calls the function under test and checks what it threw.
//
// `throw()` any error; `throw(ErrorCtor)` an instance of it; `throw(errInstance)` that very
// object; `throw('text')` / `throw(/re/)` a message containing / matching; `throw(Ctor, 'text')`
// both. Negated with both a type and a message, it fails only when both match. The thrown value
// becomes the subject of the chain (`.to.throw(Error).with.property('code', 42)`).

import { Assertion } from './core.js';
import { functionName } from './type.js';

function sameInstance(thrown, errorLike) {
  return errorLike instanceof Error && thrown === errorLike;
}

function sameConstructor(thrown, errorLike) {
  if (errorLike instanceof Error) {
    return thrown.constructor === errorLike.constructor || thrown instanceof errorLike.constructor;
  }
  if (errorLike.prototype instanceof Error || errorLike === Error) {
    return thrown.constructor === errorLike || thrown instanceof errorLike;
  }
  return false;
}

function messageMatches(thrown, matcher) {
  const text = typeof thrown === 'string' ? thrown : thrown.message;
  if (matcher instanceof RegExp) return matcher.test(text);
  if (typeof matcher === 'string') return text.indexOf(matcher) !== -1;
  return false;
}

// Display name of an error class, instance, or anything else given as the expected error.
export function constructorName(errorLike) {
  if (errorLike instanceof Error) return functionName(errorLike.constructor);
  if (typeof errorLike === 'function') {
    const name = functionName(errorLike);
    if (name === '') return functionName(new errorLike()) || name;
    return name;
  }
  return errorLike;
}

function thrownMessage(thrown) {
  if (thrown && thrown.message) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  return '';
}

function describeThrown(thrown) {
  if (thrown instanceof Error) return thrown.toString();
  return thrown && constructorName(thrown);
}

function describeExpected(errorLike) {
  if (errorLike instanceof Error) return errorLike.toString();
  return errorLike && constructorName(errorLike);
}

export function throws(errorLike, errMsgMatcher, msg) {
  if (msg) this.__flags.message = msg;
  const flags = this.__flags;
  const fn = flags.object;
  const negate = flags.negate || false;
  new Assertion(fn, flags.message).is.a('function');
  if (errorLike instanceof RegExp || typeof errorLike === 'string') {
    errMsgMatcher = errorLike;
    errorLike = null;
  }
  let caught;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  const noArgs = errorLike === undefined && errMsgMatcher === undefined;
  const bothArgs = Boolean(errorLike && errMsgMatcher);
  let typeFailed = false;
  let messageFailed = false;

  if (noArgs || !negate) {
    let expectedText = 'an error';
    if (errorLike instanceof Error) expectedText = '#{exp}';
    else if (errorLike) expectedText = constructorName(errorLike);
    this.assert(
      caught,
      'expected #{this} to throw ' + expectedText,
      'expected #{this} to not throw an error but #{act} was thrown',
      errorLike && errorLike.toString(),
      caught instanceof Error
        ? caught.toString()
        : typeof caught === 'string'
          ? caught
          : caught && constructorName(caught),
    );
  }

  if (errorLike && caught) {
    if (errorLike instanceof Error && sameInstance(caught, errorLike) === negate) {
      if (bothArgs && negate) {
        typeFailed = true;
      } else {
        this.assert(
          negate,
          'expected #{this} to throw #{exp} but #{act} was thrown',
          'expected #{this} to not throw #{exp}' + (caught && !negate ? ' but #{act} was thrown' : ''),
          errorLike.toString(),
          caught.toString(),
        );
      }
    }
    if (sameConstructor(caught, errorLike) === negate) {
      if (bothArgs && negate) {
        typeFailed = true;
      } else {
        this.assert(
          negate,
          'expected #{this} to throw #{exp} but #{act} was thrown',
          'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
          describeExpected(errorLike),
          describeThrown(caught),
        );
      }
    }
  }

  if (caught && errMsgMatcher !== undefined && errMsgMatcher !== null) {
    const verb = errMsgMatcher instanceof RegExp ? 'matching' : 'including';
    if (messageMatches(caught, errMsgMatcher) === negate) {
      if (bothArgs && negate) {
        messageFailed = true;
      } else {
        this.assert(
          negate,
          'expected #{this} to throw error ' + verb + ' #{exp} but got #{act}',
          'expected #{this} to throw error not ' + verb + ' #{exp}',
          errMsgMatcher,
          thrownMessage(caught),
        );
      }
    }
  }

  if (typeFailed && messageFailed) {
    this.assert(
      negate,
      'expected #{this} to throw #{exp} but #{act} was thrown',
      'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
      describeExpected(errorLike),
      describeThrown(caught),
    );
  }
  flags.object = caught;
}
