require('tsx/cjs/api').register()
module.exports = require('./services.ts').stopTestServices
