// pm.visualizer: set/clear are accepted (with the app's argument checks) and ignored.

/** `pm.visualizer`: accepted and ignored (nothing renders templates in a CLI run). */
export const visualizer = {
  set(template, data, options) {
    if (typeof template !== 'string') throw new Error(`Invalid template. Template must be of type string, found ${typeof template}`);
    if (data && typeof data !== 'object') throw new Error(`Invalid data. Data must be an object, found ${typeof data}`);
    if (options && typeof options !== 'object') throw new Error(`Invalid options. Options must be an object, found ${typeof options}`);
  },
  clear() {},
};
