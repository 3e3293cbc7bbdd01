// Buffer's number readers and writers (readUInt8 … writeDoubleBE, the BigInt and variable-width
// forms), over a DataView, with Node's range errors.

function outOfRange(name, range, value) {
  const err = new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${value}`);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

function checkOffset(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') {
    const err = new TypeError(`The "offset" argument must be of type number. Received type ${typeof offset} (${String(offset)})`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const max = buf.length - size;
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    if (max < 0) {
      const err = new RangeError('Attempt to access memory outside buffer bounds');
      err.code = 'ERR_BUFFER_OUT_OF_BOUNDS';
      throw err;
    }
    throw outOfRange('offset', Number.isInteger(offset) ? `>= 0 and <= ${max}` : 'an integer', offset);
  }
  return offset;
}

const view = (buf) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

function fixed(name, size, get, set, min, max) {
  return [name, size, get, set, min, max];
}

const TYPES = [
  fixed('UInt8', 1, 'getUint8', 'setUint8', 0, 0xff),
  fixed('Int8', 1, 'getInt8', 'setInt8', -0x80, 0x7f),
  fixed('UInt16', 2, 'getUint16', 'setUint16', 0, 0xffff),
  fixed('Int16', 2, 'getInt16', 'setInt16', -0x8000, 0x7fff),
  fixed('UInt32', 4, 'getUint32', 'setUint32', 0, 0xffffffff),
  fixed('Int32', 4, 'getInt32', 'setInt32', -0x80000000, 0x7fffffff),
  fixed('Float', 4, 'getFloat32', 'setFloat32'),
  fixed('Double', 8, 'getFloat64', 'setFloat64'),
  fixed('BigUInt64', 8, 'getBigUint64', 'setBigUint64', 0n, 2n ** 64n - 1n),
  fixed('BigInt64', 8, 'getBigInt64', 'setBigInt64', -(2n ** 63n), 2n ** 63n - 1n),
];

function rangeText(min, max, size) {
  if (typeof min === 'bigint') {
    return min === 0n ? `>= 0n and < 2n ** ${BigInt(size * 8)}n` : `>= -(2n ** ${BigInt(size * 8 - 1)}n) and < 2n ** ${BigInt(size * 8 - 1)}n`;
  }
  if (size > 4 || max > 0xffffff) {
    return min === 0 ? `>= 0 and < 2 ** ${size * 8}` : `>= -(2 ** ${size * 8 - 1}) and < 2 ** ${size * 8 - 1}`;
  }
  return `>= ${min} and <= ${max}`;
}

function define(proto, name, fn) {
  Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  const lower = name.replace('UInt', 'Uint');
  if (lower !== name) Object.defineProperty(proto, lower, { value: fn, writable: true, configurable: true });
}

export function installReadWrite(proto) {
  for (const [name, size, get, set, min, max] of TYPES) {
    const ends = size === 1 ? [['', false]] : [['LE', true], ['BE', false]];
    for (const [suffix, little] of ends) {
      define(proto, `read${name}${suffix}`, function (offset) {
        offset = checkOffset(this, offset, size);
        return view(this)[get](offset, little);
      });
      define(proto, `write${name}${suffix}`, function (value, offset) {
        offset = checkOffset(this, offset, size);
        if (min !== undefined) {
          if (typeof min === 'bigint' && typeof value !== 'bigint') {
            const err = new TypeError(`The "value" argument must be of type bigint. Received type ${typeof value} (${String(value)})`);
            err.code = 'ERR_INVALID_ARG_TYPE';
            throw err;
          }
          if (typeof min !== 'bigint') value = +value;
          if (value < min || value > max) throw outOfRange('value', rangeText(min, max, size), value);
        }
        view(this)[set](offset, value, little);
        return offset + size;
      });
    }
  }
  for (const [suffix, little] of [['LE', true], ['BE', false]]) {
    for (const signed of [false, true]) {
      const kind = signed ? 'Int' : 'UInt';
      define(proto, `read${kind}${suffix}`, function (offset, byteLength) {
        offset = checkOffset(this, offset, byteLength);
        let v = 0;
        for (let i = 0; i < byteLength; i++) {
          const b = this[offset + (little ? byteLength - 1 - i : i)];
          v = v * 256 + b;
        }
        if (signed && v >= 2 ** (8 * byteLength - 1)) v -= 2 ** (8 * byteLength);
        return v;
      });
      define(proto, `write${kind}${suffix}`, function (value, offset, byteLength) {
        offset = checkOffset(this, offset, byteLength);
        const lo = signed ? -(2 ** (8 * byteLength - 1)) : 0;
        const hi = signed ? 2 ** (8 * byteLength - 1) - 1 : 2 ** (8 * byteLength) - 1;
        value = +value;
        if (value < lo || value > hi) throw outOfRange('value', rangeText(lo, hi, byteLength), value);
        let v = value < 0 ? value + 2 ** (8 * byteLength) : value;
        for (let i = 0; i < byteLength; i++) {
          this[offset + (little ? i : byteLength - 1 - i)] = v % 256;
          v = Math.floor(v / 256);
        }
        return offset + byteLength;
      });
    }
  }
}
