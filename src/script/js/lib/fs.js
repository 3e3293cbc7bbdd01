// `require('fs')`: an empty stub, as in Newman's sandbox (scripts get no file access).
export default {};
