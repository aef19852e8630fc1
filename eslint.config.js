// Lint is where our architecture rules live, so they cannot drift from prose:
// no import cycles, and the module boundaries of STYLE.md as errors.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/test-results/**', '**/playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='sql'][property.name=/^(raw|lit)$/]", message: 'sql.raw / sql.lit are banned: use parameterised Kysely queries (QUALITY.md #20).' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'React renders text only (QUALITY.md #21).' },
      ],
    },
  },
  {
    // Generated reference data (scripts/generate-postcodes.ts): a table, not code.
    files: ['packages/domain/src/reference-data/dk-postcodes.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    // Migrations are frozen history typed Kysely<any> on purpose: they must not depend on today's schema types.
    files: ['packages/server/src/db/migrations/**', 'packages/server/src/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['packages/domain/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['@bro/server', '@bro/web', '**/server/**', '**/web/**'], message: 'domain is pure: it imports nothing from server or web.' },
        { group: ['node:*', 'pg', 'kysely', 'fastify'], message: 'domain has no I/O.' },
      ]),
    },
  },
  {
    files: ['packages/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['@bro/server', '**/server/**', 'node:*', 'pg', 'kysely'], message: 'web talks to the server over HTTP only.' },
      ]),
    },
  },
  {
    // Small functions read better and test better: a component over 60 lines is split into named parts. A page of
    // JSX that reads top to bottom may say so with `// eslint-disable-next-line max-lines-per-function -- <why>`.
    // Tests are exempt (a test reads as one story), and so are migrations (frozen history, one table per step).
    files: ['packages/*/src/**/*.{ts,tsx}', 'packages/server/bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.spec.ts', 'packages/web/src/test/**', 'packages/server/src/test/**', 'packages/server/src/db/migrations/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['packages/web/src/ui/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/features/**', '@bro/server', 'node:*'], message: 'ui/ is presentational and imports nothing from features/.' },
      ]),
    },
  },
  {
    files: ['packages/server/src/**'],
    ignores: ['packages/server/src/**/*.queries.ts', 'packages/server/src/db/**', 'packages/server/src/test/**', 'packages/server/src/**/*.test.ts', 'packages/server/src/platform/**', 'packages/server/src/tools/**', 'packages/server/src/demo/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['kysely', 'pg'], allowTypeImports: true, message: 'SQL lives only in *.queries.ts (STYLE.md rule 4).' },
        { group: ['@bro/web', '**/web/**'], message: 'server never imports web.' },
      ]),
    },
  },
  {
    files: ['packages/server/src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/*.queries.ts', 'kysely', 'pg'], allowTypeImports: true, message: 'routes call services, never queries (STYLE.md rule 3).' },
      ]),
    },
  },
);
