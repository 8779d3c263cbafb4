// ESLint flat config: @eslint/js recommended + typescript-eslint recommended (syntax-only, not the
// type-checked variants, so a run needs no TypeScript program) + eslint-config-prettier last, which
// turns off the stylistic rules Prettier owns. `npm run lint` runs it with Prettier and dependency-cruiser.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const sources = ['src/**/*.ts', 'test/**/*.ts'];

export default defineConfig(
  globalIgnores(['dist/', 'bench/node_modules/', 'examples/generated/', 'coverage/']),
  {
    files: sources,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // `_`-prefixed names are deliberately unused (the same convention as tsc's noUnusedParameters).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // Tests may reach into loosely typed fixtures and mocks: `any` is a warning there, an error in src.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: sources,
    extends: [prettier],
  },
);
