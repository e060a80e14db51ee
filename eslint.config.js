import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const edgePackages = ['ink', 'ink-*', 'react', 'react/*', 'commander', 'fastify', 'fastify-*', '@fastify/*', 'pino', 'conf'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The house rule: core knows nothing of the edges and never touches the process's env or exit.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/commands/**', '**/commands', '**/tui/**', '**/tui', '**/server/**', '**/server'], message: 'src/core must not import an edge (commands, tui, server).' },
            { group: edgePackages, message: 'src/core must not import UI, CLI or HTTP packages.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'src/core receives configuration; it never reads process.env.' },
        { object: 'process', property: 'exit', message: 'src/core never ends the process; throw a NexusError.' },
        { object: 'process', property: 'exitCode', message: 'src/core never sets the exit code.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**', '**/*.test.ts', 'src/**/*.bench.ts'],
    rules: { 'no-console': 'off' },
  },
);
