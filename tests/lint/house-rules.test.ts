// The house rules hold: the project's own ESLint configuration refuses an
// import in each forbidden direction of ARCHITECTURE.md's folder table and
// lets each allowed one through (cases in house-rules.cases.ts, linted as
// text with a file path inside the folder, so no fixture enters the tree);
// and the tree itself keeps them. Type information is switched off here: the
// house rules read import paths only, and a virtual file has no program.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { bridgeCases, deployCases, policiesCases, testSupportCases, webCases, wiringCases, type ImportCase } from './house-rules.cases.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOUSE_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax', 'no-restricted-imports']);
const TOP_FOLDERS = ['policies', 'web', 'bridge', 'deploy', 'scripts', 'tests'];
const PRODUCTION_FOLDERS = ['policies', 'web', 'bridge', 'deploy'];

const eslint = new ESLint({
	cwd: ROOT,
	overrideConfigFile: join(ROOT, 'eslint.config.js'),
	overrideConfig: { files: ['**/*.ts', '**/*.svelte'], ...ts.configs.disableTypeChecked },
});

/** The house rules' messages for one case. */
async function houseRuleMessages({ file, code }: ImportCase): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
	const fatal = result?.messages.find((message) => message.fatal === true);
	if (fatal !== undefined) throw new Error(`${file} did not parse: ${fatal.message}`);
	return (result?.messages ?? []).filter((message) => HOUSE_RULES.has(message.ruleId ?? '')).map((message) => message.message);
}

const title = ({ file, code, refused }: ImportCase): string =>
	`${refused ? 'refuses' : 'allows'} in ${file}: ${code.match(/(?:from |import\()'[^']+'/)?.[0] ?? code}`;

describe.each([
	['policies/', policiesCases],
	['web/', webCases],
	['bridge/', bridgeCases],
	['deploy/', deployCases],
	['scripts/ and tests/', wiringCases],
	['fakes and fixtures', testSupportCases],
])('%s', (_folder, cases) => {
	it.each(cases.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
		const messages = await houseRuleMessages(c);
		if (c.refused) expect(messages, 'no house rule fired').not.toEqual([]);
		else expect(messages).toEqual([]);
	});
});

describe('the tree', () => {
	it('keeps the house rules', async () => {
		const results = await eslint.lintFiles(PRODUCTION_FOLDERS);
		const broken = results.flatMap((result) =>
			result.messages
				.filter((message) => HOUSE_RULES.has(message.ruleId ?? '') || message.fatal === true)
				.map((message) => `${relative(ROOT, result.filePath)}:${message.line}: ${message.message}`),
		);
		expect(broken).toEqual([]);
	}, 120_000);

	// NOTE: the rules read `(../)+bridge/` as the top-level bridge/; a folder
	// named like a top-level one inside a ruled folder would make them misfire.
	it('has no folder named like a top-level one inside a ruled folder', () => {
		const clashes = PRODUCTION_FOLDERS.flatMap((top) =>
			readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true })
				.filter((entry) => entry.isDirectory() && TOP_FOLDERS.includes(entry.name))
				.map((entry) => relative(ROOT, join(entry.parentPath, entry.name))),
		);
		expect(clashes).toEqual([]);
	});
});
