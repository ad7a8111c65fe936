// The house rules as cases for the lint test: a file that would sit in a
// folder (virtual: nothing is written to the tree), one import in it, and
// whether lint must refuse it. Every forbidden direction of ARCHITECTURE.md's
// folder table has a case, and so has each allowance next to it, so a rule
// that refuses too much fails here as well as one that refuses too little.

export interface ImportCase {
	/** Where the file would sit, from the repository's root. */
	readonly file: string;
	/** The source text: one import (or re-export, or `import(…)`). */
	readonly code: string;
	readonly refused: boolean;
}

const refused = (file: string, code: string): ImportCase => ({ file, code, refused: true });
const allowed = (file: string, code: string): ImportCase => ({ file, code, refused: false });
const from = (source: string): string => `import { x } from '${source}';\nexport const y = x;\n`;

const POLICY = 'policies/cases/fixture.ts';
const POLICY_TEST = 'policies/cases/fixture.test.ts';
export const policiesCases: readonly ImportCase[] = [
	refused(POLICY, from('../../web/src/lib/cases/dashboard.ts')),
	refused(POLICY, from('../../bridge/register/index.ts')),
	refused(POLICY, from('../../deploy/local/ports.ts')),
	refused(POLICY, from('../../scripts/start.ts')),
	refused(POLICY, from('../../tests/support/accounts.ts')),
	refused(POLICY, `export { x } from '../../bridge/register/index.ts';\n`),
	refused(POLICY, `export const load = () => import('../../bridge/register/index.ts');\n`),
	refused(POLICY, from('matrix-js-sdk')),
	refused(POLICY, from('matrix-js-sdk/lib/crypto-api/index.js')),
	refused(POLICY, from('@matrix-org/matrix-sdk-crypto-wasm')),
	refused(POLICY, from('better-sqlite3')),
	refused(POLICY, from('drizzle-orm/sqlite-core')),
	refused(POLICY, from('svelte')),
	refused(POLICY, from('svelte/store')),
	refused(POLICY, from('@sveltejs/kit')),
	refused(POLICY, from('$app/environment')),
	refused(POLICY, from('#lib/cases/dashboard.ts')),
	refused(POLICY, from('node:fs')),
	refused(POLICY, from('fs')),
	refused(POLICY, from('fs/promises')),
	refused(POLICY, `import type { Stats } from 'node:fs';\nexport type S = Stats;\n`),
	allowed(POLICY, from('../roster/types.ts')),
	allowed(POLICY, from('#policies/roster/types.ts')),
	allowed(POLICY, from('./fold/fold.ts')),
	allowed(POLICY, from('fast-check')),
	// Tests of policies read the docs they hold the code against, and may use the shared test support.
	allowed(POLICY_TEST, from('node:fs')),
	allowed(POLICY_TEST, from('../../tests/support/marker-scan.ts')),
	refused(POLICY_TEST, from('../../tests/e2e/support/accounts.ts')),
	refused(POLICY_TEST, from('../../web/src/lib/cases/dashboard.ts')),
	refused(POLICY_TEST, from('matrix-js-sdk')),
	refused(POLICY_TEST, from('better-sqlite3')),
];

const VIEW_MODEL = 'web/src/lib/cases/fixture.svelte.ts';
const WEB_MATRIX = 'web/src/lib/matrix/fixture.ts';
const BRIDGE_DOOR = 'web/src/lib/server/register/bridge-source.ts';
const WEB_TEST = 'web/src/lib/cases/fixture.test.ts';
export const webCases: readonly ImportCase[] = [
	refused(VIEW_MODEL, from('../../../../bridge/register/index.ts')),
	refused(VIEW_MODEL, from('../../../../deploy/local/ports.ts')),
	refused(VIEW_MODEL, from('../../../../scripts/start.ts')),
	refused(VIEW_MODEL, from('../../../../tests/support/accounts.ts')),
	refused(VIEW_MODEL, `export const load = () => import('../../../../deploy/local/ports.ts');\n`),
	refused(VIEW_MODEL, from('matrix-js-sdk')),
	refused(VIEW_MODEL, from('../matrix/sdk.ts')),
	refused(VIEW_MODEL, `export const load = () => import('../matrix/sdk.ts');\n`),
	refused('web/src/routes/cases/+page.ts', from('#lib/matrix/sdk.ts')),
	refused(
		'web/src/routes/cases/+page.svelte',
		`<script lang="ts">\n\timport { x } from '../../../../bridge/register/index.ts';\n\tconst y = x;\n</script>\n\n<p>{y}</p>\n`,
	),
	allowed(VIEW_MODEL, `import type { Room } from '../matrix/sdk.ts';\nexport type R = Room;\n`),
	allowed(VIEW_MODEL, from('../matrix/cases.ts')),
	allowed(VIEW_MODEL, from('../../../../policies/cases/index.ts')),
	allowed(VIEW_MODEL, from('#lib/cases/dashboard.ts')),
	allowed(VIEW_MODEL, from('#policies/cases/index.ts')),
	allowed(VIEW_MODEL, from('svelte')),
	allowed(WEB_MATRIX, from('matrix-js-sdk')),
	refused(WEB_MATRIX, from('../../../../bridge/register/index.ts')),
	// The register's read API, through one server module.
	allowed(BRIDGE_DOOR, from('../../../../../bridge/register/index.ts')),
	refused(BRIDGE_DOOR, from('../../../../../bridge/register/schema.ts')),
	refused(BRIDGE_DOOR, from('../../../../../bridge/bot/config.ts')),
	refused('web/src/lib/server/register/server.ts', from('../../../../../bridge/register/index.ts')),
	allowed(WEB_TEST, from('../../../../tests/support/accounts.ts')),
	refused(WEB_TEST, from('../../../../tests/e2e/support/accounts.ts')),
	refused(WEB_TEST, from('../../../../bridge/register/testing.ts')),
];

const BOT = 'bridge/bot/fixture.ts';
const BRIDGE_MATRIX = 'bridge/matrix/fixture.ts';
export const bridgeCases: readonly ImportCase[] = [
	refused(BOT, from('../../web/src/lib/cases/dashboard.ts')),
	refused(BOT, from('../../deploy/local/ports.ts')),
	refused(BOT, from('../../scripts/start.ts')),
	refused(BOT, from('../../tests/support/bot/bot-process.ts')),
	refused(BOT, from('#lib/cases/dashboard.ts')),
	refused(BOT, from('matrix-js-sdk')),
	allowed(BOT, from('../../policies/cases/index.ts')),
	allowed(BOT, from('#policies/cases/index.ts')),
	allowed(BOT, from('../register/index.ts')),
	allowed(BOT, from('better-sqlite3')),
	allowed(BOT, from('node:fs')),
	allowed(BRIDGE_MATRIX, from('matrix-js-sdk')),
	refused(BRIDGE_MATRIX, from('../../deploy/local/ports.ts')),
	allowed('bridge/bot/fixture.test.ts', from('../../tests/support/bot/bot-process.ts')),
	refused('bridge/bot/fixture.test.ts', from('../../deploy/local/provision.ts')),
	// An integration test runs against the local federation.
	allowed('bridge/bot/fixture.integration.test.ts', from('../../deploy/local/provision.ts')),
	refused('bridge/bot/fixture.integration.test.ts', from('../../deploy/config/layout.ts')),
	refused('bridge/bot/fixture.integration.test.ts', from('../../web/src/lib/cases/dashboard.ts')),
];

const DEPLOY = 'deploy/local/fixture.ts';
export const deployCases: readonly ImportCase[] = [
	refused(DEPLOY, from('../../web/src/lib/cases/dashboard.ts')),
	refused(DEPLOY, from('../../bridge/bot/config.ts')),
	refused(DEPLOY, from('../../scripts/start.ts')),
	refused(DEPLOY, from('../../tests/support/accounts.ts')),
	refused(DEPLOY, from('#lib/cases/dashboard.ts')),
	refused(DEPLOY, from('matrix-js-sdk')),
	allowed(DEPLOY, from('../../policies/roster/types.ts')),
	allowed(DEPLOY, from('../config/layout.ts')),
	allowed(DEPLOY, from('node:child_process')),
	allowed('deploy/config/fixture.test.ts', from('../../tests/support/accounts.ts')),
];

// scripts/ and tests/ import anything.
export const wiringCases: readonly ImportCase[] = [
	allowed('scripts/fixture.ts', from('../bridge/register/index.ts')),
	allowed('scripts/fixture.ts', from('../web/src/lib/cases/dashboard.ts')),
	allowed('scripts/fixture.ts', from('matrix-js-sdk')),
	allowed('tests/integration/fixture.test.ts', from('../../web/src/lib/cases/dashboard.ts')),
	allowed('tests/support/fixture.ts', from('../../bridge/bot/config.ts')),
	allowed('tests/support/fixture.ts', from('matrix-js-sdk')),
];

// Fakes and fixtures beside the code are for tests and other test support only.
export const testSupportCases: readonly ImportCase[] = [
	refused(BOT, from('../register/testing.ts')),
	refused(BOT, from('../../policies/cases/testing/fixtures.ts')),
	refused(BRIDGE_MATRIX, from('./memory-sink.ts')),
	refused('web/src/lib/server/register/page-data.ts', from('./fake-source.ts')),
	refused(POLICY, from('./testing/fixtures.ts')),
	refused(DEPLOY, from('../config/testing/expected-privacy.ts')),
	allowed('bridge/reminders/testing.ts', from('../register/testing.ts')),
	allowed('policies/preservation/record/testing/fixtures.ts', from('../../../cases/testing/fixtures.ts')),
	allowed('bridge/matrix/fixture.test.ts', from('./memory-sink.ts')),
	allowed('web/src/lib/server/register/page-data.test.ts', from('./fake-source.ts')),
	allowed(BOT, from('fake-indexeddb')),
];
