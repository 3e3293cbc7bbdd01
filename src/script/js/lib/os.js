// `require('os')` as Postman's sandbox has it (the browser shim): fixed answers, no host facts.
export const EOL = '\n';
export const devNull = '/dev/null';
export const constants = { signals: {}, errno: {} };
const os = {
  EOL, devNull, constants,
  platform: () => 'browser',
  type: () => 'Browser',
  release: () => '',
  arch: () => 'javascript',
  hostname: () => '',
  homedir: () => '/',
  tmpdir: () => '/tmp',
  endianness: () => 'LE',
  uptime: () => 0,
  loadavg: () => [],
  totalmem: () => Number.MAX_VALUE,
  freemem: () => Number.MAX_VALUE,
  cpus: () => [],
  networkInterfaces: () => ({}),
  getNetworkInterfaces: () => ({}),
  userInfo: () => ({ uid: -1, gid: -1, username: '', homedir: '/', shell: null }),
  availableParallelism: () => 1,
  version: () => '',
  machine: () => 'javascript',
};
os.tmpDir = os.tmpdir;
export default os;
