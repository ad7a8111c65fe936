// Two vitest projects: `unit` (pure, beside the code, no servers; and the
// house rules' lint test) and `integration` (against the real local federation
// that tests/setup starts once per run; tests/security's attacking tests are
// among them). Playwright end-to-end tests (tests/{e2e,security}/**/*.e2e.ts)
// are not vitest's.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['{policies,bridge,deploy,web,scripts}/**/*.test.ts', 'tests/{bench,lint,support,properties}/**/*.test.ts'],
					exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
					environment: 'node',
				},
			},
			{
				test: {
					name: 'integration',
					include: ['tests/{integration,security}/**/*.test.ts', '{bridge,deploy}/**/*.integration.test.ts'],
					environment: 'node',
					globalSetup: ['tests/setup/federation.global.ts'],
					testTimeout: 120_000,
					hookTimeout: 180_000,
					// One federation, shared: files run one after another so they don't fight over rate limits and CPU.
					fileParallelism: false,
				},
			},
		],
	},
});
