// ESLint (flat config): typescript-eslint's recommended rules, eslint-plugin-lit for templates,
// and Citopia's own rules: no markup from strings in component code (hostile data, Trusted Types).
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/cdn/**', '**/node_modules/**', 'storybook-static/**', 'docs-static/**', 'reports/**', 'packages/*/src/locales/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/binding-positions': 'error',
      'lit/no-duplicate-template-bindings': 'error',
      'lit/no-property-change-update': 'error',
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Data renders as text: no unsafeHTML.' }, { name: 'lit/directives/unsafe-svg.js', message: 'No markup from strings.' }] }],
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Data renders as text.' }, { property: 'outerHTML', message: 'Data renders as text.' }, { property: 'insertAdjacentHTML', message: 'Data renders as text.' }],
      'no-restricted-syntax': ['error', { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Data renders as text.' }],
    },
  },
  {
    // chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
  },
);
