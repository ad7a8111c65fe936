// Lint: typescript-eslint with type information (floating promises are
// errors), Svelte files through eslint-plugin-svelte, and the house rules
// (which folder may import which: eslint.house-rules.js).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { houseRules } from './eslint.house-rules.js';

export default ts.config(
	{
		ignores: [
			'node_modules/',
			'.tools/',
			'.data/',
			'.svelte-kit/',
			'build/',
			'test-results/',
			'playwright-report/',
			'web/src/lib/paraglide/',
		],
	},
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte'],
			},
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } },
	},
	{
		// Plain JS config files are outside the TypeScript project.
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked,
	},
	...houseRules,
);
