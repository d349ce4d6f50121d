import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bin/', 'demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Core code emits events; only the command line and reporters print.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/report/**', 'src/**/*_test.ts'],
    rules: { 'no-console': 'error' },
  },
);
