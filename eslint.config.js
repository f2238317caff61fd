// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import boundaries from docs/ARCHITECTURE.md, as regular expressions over import paths. */
const forbid = (...rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // Fastify plugins and Kysely drivers are async by contract, with or without an await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: forbid(
      ['(^|/)(server|web|contracts|cli)/', 'Domain rules know no server, screen, contract or CLI.'],
      [
        '^(kysely|pg|fastify|react|@electric-sql/.*|@fastify/.*|@mantine/.*)$',
        'Domain rules do no I/O and use no framework.',
      ],
    ),
  },
  {
    files: ['src/contracts/**'],
    rules: forbid(['(^|/)(server|web|cli)/', 'Contracts import only src/domain.']),
  },
  {
    files: ['src/web/**'],
    rules: forbid([
      '(^|/)(server|cli)/',
      'The web app imports src/contracts and src/domain, never server code.',
    ]),
  },
  {
    files: ['src/server/platform/**'],
    rules: forbid(['(^|/)modules/', 'The platform knows no module.']),
  },
  {
    files: ['src/server/modules/**'],
    rules: forbid(
      ['^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)', 'Modules import each other only through their index.ts.'],
      ['(^|/)fhir/', 'A module never imports the FHIR facade.'],
    ),
  },
  {
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['**/*.test.ts', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
