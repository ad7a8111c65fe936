// Three vitest projects: `unit` (pure, beside the code, no servers; and the
// house rules' lint test), `integration` (against the real local federation
// that tests/setup starts once per run; tests/security's attacking tests are
// among them) and `faults` (tests/faults: the same federation's homeservers
// stopped or killed under load, issue 14). Playwright end-to-end tests (tests/{e2e,security}/**/*.e2e.ts)
// are not vitest's.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: [
						'{policies,bridge,deploy,web,scripts}/**/*.test.ts',
						'tests/{bench,lint,support,properties}/**/*.test.ts',
						'tests/e2e/support/**/*.test.ts',
					],
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
			{
				test: {
					// Faults done to the homeservers (issue 14): against the same federation, after the integration tests.
					name: 'faults',
					include: ['tests/faults/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/setup/federation.global.ts'],
					testTimeout: 600_000,
					hookTimeout: 180_000,
					fileParallelism: false,
				},
			},
		],
	},
});
