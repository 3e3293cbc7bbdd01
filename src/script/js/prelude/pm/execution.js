// pm.execution: setNextRequest, skipRequest (pre-request scripts only; absent in test scripts, as
// in Newman) and location (+ location.current).
const N = globalThis.__postie;

/** Thrown by skipRequest to unwind the script; the driver treats it as a normal end. */
export const SKIP = Object.freeze({ __postie_skip: true });

export function readonly(obj, props) {
  for (const key of Object.keys(props)) {
    if (props[key] !== undefined) Object.defineProperty(obj, key, { value: props[key], writable: false, enumerable: false, configurable: false });
  }
  return obj;
}

/** `pm.execution` of one script. */
export function makeExecution(S, info) {
  const location = info.location.slice();
  readonly(location, { current: info.current });
  const props = {
    setNextRequest: function setNextRequest(target) {
      N.nextRequest(target);
    },
    location,
  };
  props.skipRequest = S.eventName === 'prerequest'
    ? function skipRequest() {
      S.dead = true;
      N.skipRequest();
      throw SKIP;
    }
    // Newman's sandbox has no skipRequest in test scripts; calling it fails with V8's message.
    : function skipRequest() { throw new TypeError('pm.execution.skipRequest is not a function'); };
  return readonly({}, props);
}
