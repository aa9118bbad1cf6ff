// Unit and integration specs that live beside the code they test, and the checks of deploy/.
const base = require('./jest.base.config');

module.exports = {
  ...base,
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/deploy'],
  testRegex: '\\.spec\\.ts$',
};
