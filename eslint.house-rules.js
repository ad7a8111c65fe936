// The house rules: ARCHITECTURE.md's table of which folder may import which,
// as lint. One `files` block per kind of file, the blocks disjoint (a later
// block's options for a rule replace an earlier one's, they do not add up),
// each listing everything its files may not import. Static imports and
// re-exports go through @typescript-eslint/no-restricted-imports (it can
// allow type-only imports); `import(…)` through no-restricted-syntax, from
// the same list. A third rule, apart, keeps fakes and fixtures out of
// production code. docs/decisions.md ("House rules, enforced by lint") says why.
//
// NOTE: a relative import is matched as written: `(../)+bridge/` is an import
// that climbs into the top-level bridge/ folder. That holds while no folder
// inside policies/, web/, bridge/ or deploy/ is named like a top-level one;
// tests/lint/house-rules.test.ts checks it.
import { builtinModules } from 'node:module';

const TOP = ['policies', 'web', 'bridge', 'deploy', 'scripts', 'tests'];
const TEST_FILES = '**/*.test.ts';
const INTEGRATION_TEST_FILES = '**/*.integration.test.ts';
const BRIDGE_DOOR = 'web/src/lib/server/register/bridge-source.ts';
const BRIDGE_DOOR_TEST = 'web/src/lib/server/register/bridge-source.test.ts';
const TABLE = 'ARCHITECTURE.md, the folder table';

/** @typedef {{ regex: string, message: string, allowTypeImports?: boolean }} Restriction */

/**
 * An import that climbs into another top-level folder (`except`: a lookahead for what it may still reach),
 * or, for web/, names it by its subpath import `#lib/` (package.json "imports"; `#policies/` is everyone's).
 * @param {string} folder @param {string} message @param {string} [except]
 * @returns {Restriction}
 */
const into = (folder, message, except = '') => ({
	regex: `^(\\.\\./)+${folder}/${except}${folder === 'web' ? '|^#lib(/|$)' : ''}`,
	message: `${message} (${TABLE}).`,
});

/**
 * The top-level folders `folder` may not import, each with its reason.
 * @param {string} folder
 * @returns {Restriction[]}
 */
function otherFolders(folder) {
	return TOP.filter((other) => other !== folder && other !== 'policies').map((other) =>
		into(other, `${folder}/ does not import ${other}/`),
	);
}

const MATRIX_SDK = {
	regex: '^(matrix-js-sdk|@matrix-org/)',
	message: `matrix-js-sdk is imported only in web/src/lib/matrix/ and bridge/matrix/ (and tests, scripts): elsewhere, use a function of those folders (${TABLE}; STYLE.md 5).`,
};
const SDK_DOOR_VALUES = {
	regex: '(^|/)matrix/sdk(\\.ts)?$',
	allowTypeImports: true,
	message:
		'outside web/src/lib/matrix/, the SDK door (lib/matrix/sdk.ts) gives types only: view models and components call functions of lib/matrix/, not the SDK (STYLE.md 5).',
};
const POLICIES_PURE = `policies/ is pure TypeScript and data, no I/O (${TABLE}; STYLE.md 1)`;
const DB = { regex: '^(better-sqlite3|drizzle-orm|drizzle-kit)(/|$)', message: `${POLICIES_PURE}: no database.` };
const FRAMEWORK = {
	regex: '^(svelte|@sveltejs/[^/]+)(/|$)|^\\$(app|env|service-worker)(/|$)',
	message: `${POLICIES_PURE}: no framework.`,
};
const NODE = { regex: '^node:', message: `${POLICIES_PURE}: no Node built-in module.` };
const NODE_BARE = {
	regex: `^(${builtinModules.filter((name) => !name.startsWith('node:')).join('|')})(/|$)`,
	message: `${POLICIES_PURE}: no Node built-in module.`,
};
/** The climb into tests/ that test files beside the code may make: to its shared support. */
const TESTS_BUT_SUPPORT = '(?!support/)';

/**
 * The two rules for a set of restrictions: static imports, and `import(…)` with a literal path.
 * @param {Restriction[]} restrictions
 * @returns {import('eslint').Linter.RulesRecord}
 */
function restricted(restrictions) {
	/** @param {Restriction} restriction */
	const selector = ({ regex }) => `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`;
	return {
		'@typescript-eslint/no-restricted-imports': ['error', { patterns: restrictions.map((r) => ({ ...r, caseSensitive: true })) }],
		// NOTE: `import(…)` always loads values, so a type-only allowance never covers it.
		'no-restricted-syntax': ['error', ...restrictions.map((r) => ({ selector: selector(r), message: r.message }))],
	};
}

/**
 * Replaces the climb into `folder` of a list with `replacement`.
 * @param {Restriction[]} list @param {string} folder @param {Restriction} replacement
 * @returns {Restriction[]}
 */
const swap = (list, folder, replacement) => [...list.filter((r) => !r.regex.startsWith(`^(\\.\\./)+${folder}/`)), replacement];

/** A test beside the code: its folder's rules, but it may use tests/support/. */
const supportAllowed = (/** @type {Restriction[]} */ list) =>
	swap(list, 'tests', into('tests', 'a test beside the code imports of tests/ only its support', TESTS_BUT_SUPPORT));
/** @param {string} folder */
const testsBeside = (folder) => supportAllowed(otherFolders(folder));

const policies = [...otherFolders('policies'), MATRIX_SDK, DB, FRAMEWORK, NODE, NODE_BARE];
// Tests of policies may read files (the docs they hold the code against), nothing more.
const policiesTests = supportAllowed(policies.filter((r) => r !== NODE && r !== NODE_BARE));

const web = [...otherFolders('web'), MATRIX_SDK, SDK_DOOR_VALUES];
const webMatrix = otherFolders('web');
const webBridgeDoor = swap(
	web,
	'bridge',
	into('bridge', 'web/ reads the register only through its read API, bridge/register/index.ts', '(?!register/index\\.ts$)'),
);
const webTests = testsBeside('web');
const webBridgeDoorTest = swap(
	webTests,
	'bridge',
	into(
		'bridge',
		'the register read API’s test imports of bridge/ only the register and its test data',
		'(?!register/(index|testing)\\.ts$)',
	),
);

const bridge = [...otherFolders('bridge'), MATRIX_SDK];
const bridgeMatrix = otherFolders('bridge');
// An integration test runs against the local federation: it may use deploy/local/'s accounts.
/** @param {string} folder */
const integrationTestsBeside = (folder) =>
	swap(
		testsBeside(folder),
		'deploy',
		into('deploy', 'an integration test beside the code imports of deploy/ only the local federation', '(?!local/)'),
	);

const deploy = [...otherFolders('deploy'), MATRIX_SDK];

// Fakes and fixtures stand beside what they imitate (STYLE.md 2), but only
// tests and other test support import them. A rule of its own (the core
// no-restricted-imports), so that it adds to the blocks above, not replaces.
const TEST_SUPPORT_FILES = ['**/testing.ts', '**/testing/**', '**/fake-*.ts', '**/memory-sink.ts'];
/** @type {import('eslint').Linter.Config} */
const testSupportOnly = {
	files: ['policies/**', 'web/**', 'bridge/**', 'deploy/**'],
	ignores: [TEST_FILES, ...TEST_SUPPORT_FILES],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						regex: '^\\.\\.?/(.*/)?(testing(\\.ts)?|testing/.*|fake-[^/]*|memory-sink\\.ts)$',
						caseSensitive: true,
						message: 'a fake or fixture is for tests: production code does not import it (STYLE.md 2).',
					},
				],
			},
		],
	},
};

/** @type {import('eslint').Linter.Config[]} */
export const houseRules = [
	{ files: ['policies/**'], ignores: [TEST_FILES], rules: restricted(policies) },
	{ files: [`policies/${TEST_FILES}`], rules: restricted(policiesTests) },

	{
		files: ['web/**'],
		ignores: [TEST_FILES, 'web/src/lib/matrix/**', BRIDGE_DOOR],
		rules: restricted(web),
	},
	{ files: ['web/src/lib/matrix/**'], ignores: [TEST_FILES], rules: restricted(webMatrix) },
	{ files: [BRIDGE_DOOR], rules: restricted(webBridgeDoor) },
	{ files: [`web/${TEST_FILES}`], ignores: [BRIDGE_DOOR_TEST], rules: restricted(webTests) },
	{ files: [BRIDGE_DOOR_TEST], rules: restricted(webBridgeDoorTest) },

	{ files: ['bridge/**'], ignores: [TEST_FILES, 'bridge/matrix/**'], rules: restricted(bridge) },
	{ files: ['bridge/matrix/**'], ignores: [TEST_FILES], rules: restricted(bridgeMatrix) },
	{ files: [`bridge/${TEST_FILES}`], ignores: [INTEGRATION_TEST_FILES], rules: restricted(testsBeside('bridge')) },
	{ files: [`bridge/${INTEGRATION_TEST_FILES}`], rules: restricted(integrationTestsBeside('bridge')) },

	{ files: ['deploy/**'], ignores: [TEST_FILES], rules: restricted(deploy) },
	{ files: [`deploy/${TEST_FILES}`], ignores: [INTEGRATION_TEST_FILES], rules: restricted(testsBeside('deploy')) },
	{ files: [`deploy/${INTEGRATION_TEST_FILES}`], rules: restricted(integrationTestsBeside('deploy')) },
	// scripts/ and tests/ import anything.
	testSupportOnly,
];
