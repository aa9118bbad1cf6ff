const base = require('../jest.base.config');

module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e\\.spec\\.ts$',
  // The projector serves dist/web at `/`: browser tests always get the current page.
  globalSetup: '<rootDir>/test/support/build-web.global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
