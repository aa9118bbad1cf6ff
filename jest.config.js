// Unit and integration specs that live beside the code they test.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testRegex: '\\.spec\\.ts$',
};
