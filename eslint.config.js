// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'data/', 'test-results/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The simulation core must stay pure and deterministic: no I/O, no engine/network
    // libraries, no wall clock, no unseeded randomness.
    files: ['shared/**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'colyseus', message: 'shared/ must not depend on the server framework.' },
            { name: 'colyseus.js', message: 'shared/ must not depend on the network client.' },
            { name: 'phaser', message: 'shared/ must not depend on the renderer.' },
            { name: 'express', message: 'shared/ must not depend on the HTTP server.' },
            { name: 'better-sqlite3', message: 'shared/ must not do storage I/O.' },
            { name: 'fs', message: 'shared/ must not do file I/O.' },
            { name: 'path', message: 'shared/ must not depend on Node.js modules.' },
          ],
          patterns: [
            { group: ['@colyseus/*'], message: 'shared/ must not depend on Colyseus.' },
            { group: ['node:*'], message: 'shared/ must not depend on Node.js modules.' },
            { group: ['fs/*', 'path/*'], message: 'shared/ must not depend on Node.js modules.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No wall clock in shared/: pass time in as a tick number.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG instead.' },
        { object: 'Date', property: 'now', message: 'No wall clock in shared/.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Type-aware rules where promises meet I/O: a promise nobody awaits or catches can take the
    // whole process down (issue 11), and an async callback where a sync one is expected hides
    // its failures.
    files: ['server/**/*.ts', 'client/**/*.ts', 'scripts/**/*.ts', 'shared/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The session machine is pure like the engine: time comes in with each command.
    files: ['server/session/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@colyseus/*', 'colyseus.js'], message: 'The session machine is pure.' },
            { group: ['node:*', 'express', 'better-sqlite3'], message: 'No I/O in the machine.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: "Time is the command's `now`." },
        { object: 'Math', property: 'random', message: 'The machine is deterministic.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Deadlines are data; the room delivers ticks.' },
        { name: 'setInterval', message: 'Deadlines are data; the room delivers ticks.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
