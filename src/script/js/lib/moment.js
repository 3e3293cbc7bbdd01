// `require('moment')`: moment 2.30's API (our implementation, see lib/moment/).
export { default } from './moment/index.js';
