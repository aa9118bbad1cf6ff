const base = require('../jest.base.config');

module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e\\.spec\\.ts$',
  testTimeout: 60000,
  maxWorkers: 2,
};
