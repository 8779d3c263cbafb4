/** Jest compiles the TypeScript sources with ts-jest, transpiling only (`tsc` type-checks in npm test). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
