// `require('lodash')`: lodash 4's API (our implementation, see lib/lodash/).
import { createLodash4 } from './lodash/index.js';

export default createLodash4();
