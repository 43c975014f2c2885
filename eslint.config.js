// Lint rules for the whole project; `npm run lint` runs it and `.ci/run` fails on any finding.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // Tests read Discord's JSON payloads, whose shapes are the fake's business, not the type system's.
    files: ['test/**', 'src/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Transports and scripts reach the engine only through the dispatcher layer (src/dispatch/):
    // a lookup dispatched anywhere else would skip validation, the cooldown and the request log.
    files: ['src/discord/**', 'src/console/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '**/engine'],
              message: 'Go through src/dispatch/ (the Dispatcher, reply.ts, engine.ts), not the engine itself.',
            },
          ],
        },
      ],
    },
  },
);
