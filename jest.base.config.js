// Nest 12 and some of its dependencies ship ESM only, and the tests run as CommonJS in Jest's
// own module system. Node's require(esm) does not reach in there: Jest can load ESM from a
// require() only on Node 24.9+ with --experimental-vm-modules, so swc compiles these packages
// to CommonJS as well, which works on every Node the project runs on.
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'content-disposition',
  'uint8array-extras',
  'any-ascii',
  'jose',
  // openapi-typescript's, for the check of the generated client
  'openapi-typescript',
  'parse-json',
  'index-to-position',
  'change-case',
  'supports-color',
  // linkedom's, for drafts from HTML
  'css-select',
  'css-what',
  'cssomnom',
  'domhandler',
  'domutils',
  'dom-serializer',
  'domelementtype',
  'entities',
  'nth-check',
  'boolbase',
];

const swcTs = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcTs],
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@app/(contracts|jetstream|read-model|config|retry|http|client|drafting)$':
      '<rootDir>/libs/$1/src/index.ts',
    '^@app/read-model/testing$': '<rootDir>/libs/read-model/src/testing/index.ts',
  },
};
