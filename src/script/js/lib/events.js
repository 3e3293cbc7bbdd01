// `require('events')`: Node's EventEmitter (on/once/off, prepend*, emit with an unhandled
// 'error' thrown, listeners/rawListeners/listenerCount/eventNames, 'newListener' and
// 'removeListener' events, max listeners) and `events.once` as a Promise.
export function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.defaultMaxListeners = 10;
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.captureRejections = false;

EventEmitter.init = function () {
  if (!this._events || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
};

const proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;

function checkListener(fn) {
  if (typeof fn !== 'function') {
    const err = new TypeError(`The "listener" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

function events(self) {
  if (!self._events) {
    self._events = Object.create(null);
    self._eventsCount = 0;
  }
  return self._events;
}

function add(self, type, listener, prepend) {
  checkListener(listener);
  const map = events(self);
  if (map.newListener !== undefined) self.emit('newListener', type, listener.listener ? listener.listener : listener);
  const list = map[type] || (self._eventsCount++, (map[type] = []));
  if (prepend) list.unshift(listener);
  else list.push(listener);
  return self;
}

proto.setMaxListeners = function (n) {
  this._maxListeners = n;
  return this;
};
proto.getMaxListeners = function () {
  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};

proto.emit = function (type, ...args) {
  const map = events(this);
  if (type === 'error' && map[EventEmitter.errorMonitor]) {
    for (const fn of map[EventEmitter.errorMonitor].slice()) fn.apply(this, args);
  }
  const list = map[type];
  if (!list || list.length === 0) {
    if (type === 'error') {
      const er = args[0];
      if (er instanceof Error) throw er;
      const err = new Error(`Unhandled error.${er === undefined ? '' : ` (${typeof er === 'string' ? `'${er}'` : String(er)})`}`);
      err.code = 'ERR_UNHANDLED_ERROR';
      err.context = er;
      throw err;
    }
    return false;
  }
  for (const fn of list.slice()) fn.apply(this, args);
  return true;
};

proto.addListener = function (type, listener) {
  return add(this, type, listener, false);
};
proto.on = proto.addListener;
proto.prependListener = function (type, listener) {
  return add(this, type, listener, true);
};

function onceWrapper(self, type, listener) {
  const wrapped = function (...args) {
    self.removeListener(type, wrapped);
    return listener.apply(self, args);
  };
  wrapped.listener = listener;
  return wrapped;
}

proto.once = function (type, listener) {
  checkListener(listener);
  return this.on(type, onceWrapper(this, type, listener));
};
proto.prependOnceListener = function (type, listener) {
  checkListener(listener);
  return this.prependListener(type, onceWrapper(this, type, listener));
};

proto.removeListener = function (type, listener) {
  checkListener(listener);
  const map = events(this);
  const list = map[type];
  if (!list) return this;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      list.splice(i, 1);
      if (list.length === 0) {
        delete map[type];
        this._eventsCount--;
      }
      if (map.removeListener !== undefined) this.emit('removeListener', type, listener);
      break;
    }
  }
  return this;
};
proto.off = proto.removeListener;

proto.removeAllListeners = function (type) {
  const map = events(this);
  if (type === undefined) {
    for (const k of Reflect.ownKeys(map)) if (k !== 'removeListener') this.removeAllListeners(k);
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  const list = map[type];
  if (list) for (let i = list.length - 1; i >= 0; i--) this.removeListener(type, list[i].listener || list[i]);
  return this;
};

proto.listeners = function (type) {
  return (events(this)[type] || []).map((fn) => fn.listener || fn);
};
proto.rawListeners = function (type) {
  return (events(this)[type] || []).slice();
};
proto.listenerCount = function (type) {
  return (events(this)[type] || []).length;
};
proto.eventNames = function () {
  return Reflect.ownKeys(events(this));
};

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
EventEmitter.once = function (emitter, name) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      reject(err);
    };
    const onEvent = (...args) => {
      if (name !== 'error') emitter.removeListener('error', onError);
      resolve(args);
    };
    emitter.once(name, onEvent);
    if (name !== 'error') emitter.once('error', onError);
  });
};

export default EventEmitter;
