// @ts-check
'use strict';
// The typed client (libs/client) for the plain-JavaScript scripts and the bench, as
// scripts/build-client.js compiles it into dist/libs/client. Its types are those of the
// sources: the path is computed so that type checks need no build.

const path = require('node:path');

/** @type {typeof import('../libs/client/src')} */
module.exports = require(path.join(__dirname, '..', 'dist', 'libs', 'client'));
