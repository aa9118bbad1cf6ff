const base = require('../jest.base.config');

module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e\\.spec\\.ts$',
  // The projector serves dist/web at `/`: browser tests always get the current page; and
  // `npm run import` loads the typed client from dist/libs/client.
  globalSetup: '<rootDir>/test/support/build-outputs.global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
