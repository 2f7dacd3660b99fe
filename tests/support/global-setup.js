// Jest loads this file untransformed; tsx lets it start the TypeScript service runners.
require('tsx/cjs/api').register()
module.exports = require('./services.ts').startTestServices
