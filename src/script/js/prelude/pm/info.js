// pm.info: read-only facts about the running script (non-enumerable, as in Newman).
import { readonly } from './execution.js';

/** `pm.info`: read-only facts about the running script. */
export function makeInfo(info) {
  return readonly({}, {
    eventName: info.eventName,
    iteration: info.iteration,
    iterationCount: info.iterationCount,
    requestName: info.requestName,
    requestId: info.requestId,
  });
}
