// `require('stream')`: a minimal Node stream family on EventEmitter: Readable (push/read,
// 'data'/'end', pipe, async iteration, Readable.from), Writable (write/end with 'finish'),
// Duplex, Transform (transform/flush) and PassThrough. Enough for libraries that expect the
// shapes; not a full backpressure implementation.
import EventEmitter from './events.js';

function Stream(opts) {
  EventEmitter.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Stream, EventEmitter);

const later = (fn) => Promise.resolve().then(fn);

export function Readable(opts = {}) {
  if (!(this instanceof Readable)) return new Readable(opts);
  Stream.call(this, opts);
  this._buffer = [];
  this._ended = false;
  this._flowing = false;
  this.readable = true;
  this.readableObjectMode = !!opts.objectMode;
  if (typeof opts.read === 'function') this._read = opts.read;
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);

Readable.prototype._read = function () {};

Readable.prototype.push = function (chunk) {
  if (chunk === null) {
    this._ended = true;
    later(() => this._drain());
    return false;
  }
  this._buffer.push(chunk);
  if (this._flowing) later(() => this._drain());
  return true;
};

Readable.prototype._drain = function () {
  if (!this._flowing) {
    if (this._ended && this._buffer.length === 0 && !this._endEmitted && this.listenerCount('end')) {
      this._endEmitted = true;
      this.emit('end');
    }
    return;
  }
  while (this._buffer.length) this.emit('data', this._buffer.shift());
  if (this._ended && !this._endEmitted) {
    this._endEmitted = true;
    this.readable = false;
    this.emit('end');
    this.emit('close');
  } else if (!this._ended) {
    this._read();
  }
};

Readable.prototype.on = function (type, fn) {
  EventEmitter.prototype.on.call(this, type, fn);
  if (type === 'data') this.resume();
  return this;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.resume = function () {
  this._flowing = true;
  later(() => {
    this._read();
    this._drain();
  });
  return this;
};

Readable.prototype.pause = function () {
  this._flowing = false;
  return this;
};

Readable.prototype.read = function () {
  if (this._buffer.length === 0) {
    this._read();
    return null;
  }
  return this._buffer.shift();
};

Readable.prototype.setEncoding = function (enc) {
  this._encoding = enc;
  return this;
};

Readable.prototype.pipe = function (dest) {
  this.on('data', (chunk) => dest.write(chunk));
  this.on('end', () => {
    if (dest !== globalThis.process?.stdout) dest.end();
  });
  return dest;
};

Readable.prototype.destroy = function (err) {
  this._ended = true;
  this._buffer = [];
  if (err) later(() => this.emit('error', err));
  later(() => this.emit('close'));
  return this;
};

Readable.prototype[Symbol.asyncIterator] = async function* () {
  const chunks = [];
  let done = false;
  let wake = null;
  let failure = null;
  this.on('data', (c) => {
    chunks.push(c);
    if (wake) wake();
  });
  this.on('end', () => {
    done = true;
    if (wake) wake();
  });
  this.on('error', (e) => {
    failure = e;
    if (wake) wake();
  });
  for (;;) {
    if (failure) throw failure;
    if (chunks.length) {
      yield chunks.shift();
      continue;
    }
    if (done) return;
    await new Promise((r) => {
      wake = r;
    });
    wake = null;
  }
};

Readable.from = function (iterable, opts) {
  const r = new Readable(Object.assign({ objectMode: true }, opts));
  later(async () => {
    try {
      for await (const item of iterable) r.push(item);
      r.push(null);
    } catch (e) {
      r.destroy(e);
    }
  });
  return r;
};

export function Writable(opts = {}) {
  if (!(this instanceof Writable)) return new Writable(opts);
  Stream.call(this, opts);
  this.writable = true;
  this._finished = false;
  if (typeof opts.write === 'function') this._write = opts.write;
  if (typeof opts.final === 'function') this._final = opts.final;
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);

Writable.prototype._write = function (chunk, encoding, cb) {
  cb();
};

Writable.prototype.write = function (chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  if (this._finished) {
    const err = new Error('write after end');
    err.code = 'ERR_STREAM_WRITE_AFTER_END';
    later(() => this.emit('error', err));
    return false;
  }
  this._write(chunk, encoding || 'utf8', (err) => {
    if (err) this.emit('error', err);
    if (cb) cb(err);
  });
  return true;
};

Writable.prototype.end = function (chunk, encoding, cb) {
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = undefined;
  }
  if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
  this._finished = true;
  this.writable = false;
  const finish = () => later(() => {
    this.emit('finish');
    this.emit('close');
    if (typeof cb === 'function') cb();
  });
  if (this._final) this._final((err) => (err ? this.emit('error', err) : finish()));
  else finish();
  return this;
};

Writable.prototype.destroy = function (err) {
  this._finished = true;
  if (err) later(() => this.emit('error', err));
  return this;
};

export function Duplex(opts = {}) {
  if (!(this instanceof Duplex)) return new Duplex(opts);
  Readable.call(this, opts);
  Writable.call(this, opts);
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
for (const k of ['write', 'end', '_write']) Duplex.prototype[k] = Writable.prototype[k];

export function Transform(opts = {}) {
  if (!(this instanceof Transform)) return new Transform(opts);
  Duplex.call(this, opts);
  if (typeof opts.transform === 'function') this._transform = opts.transform;
  if (typeof opts.flush === 'function') this._flush = opts.flush;
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);

Transform.prototype._transform = function (chunk, encoding, cb) {
  cb(null, chunk);
};

Transform.prototype._write = function (chunk, encoding, cb) {
  this._transform(chunk, encoding, (err, data) => {
    if (data !== undefined && data !== null) this.push(data);
    cb(err);
  });
};

Transform.prototype._final = function (cb) {
  const done = (err, data) => {
    if (data !== undefined && data !== null) this.push(data);
    this.push(null);
    cb(err);
  };
  if (this._flush) this._flush(done);
  else done();
};

export function PassThrough(opts) {
  if (!(this instanceof PassThrough)) return new PassThrough(opts);
  Transform.call(this, opts);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);

export function finished(stream, cb) {
  let called = false;
  const done = (err) => {
    if (!called) {
      called = true;
      cb(err);
    }
  };
  stream.on('end', () => done());
  stream.on('finish', () => done());
  stream.on('error', done);
  return () => {};
}

export function pipeline(...streams) {
  const cb = typeof streams[streams.length - 1] === 'function' ? streams.pop() : () => {};
  for (let i = 0; i < streams.length - 1; i++) streams[i].pipe(streams[i + 1]);
  finished(streams[streams.length - 1], cb);
  return streams[streams.length - 1];
}

Stream.Stream = Stream;
Object.assign(Stream, { Readable, Writable, Duplex, Transform, PassThrough, finished, pipeline });
Stream.promises = {
  finished: (s) => new Promise((res, rej) => finished(s, (e) => (e ? rej(e) : res()))),
  pipeline: (...s) => new Promise((res, rej) => pipeline(...s, (e) => (e ? rej(e) : res()))),
};

export default Stream;
