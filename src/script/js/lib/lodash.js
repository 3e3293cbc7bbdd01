// `require('lodash')`: lodash 4's API (our implementation, see lib/lodash/).
export { default } from './lodash/index.js';
