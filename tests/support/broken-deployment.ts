// Broken deployment files, one per kind of mistake issue 10 names, made from
// the fourth network's fixtures (tests/fixtures/roster/): each program's
// refusal test writes one into a temporary folder and checks that the
// program stops before starting anything, with a paragraph naming the file,
// the line and the key path.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'roster');

export interface BrokenCase {
	readonly name: string;
	readonly file: 'roster' | 'site';
	readonly edit: (text: string) => string;
	/** The key path the refusal must name. */
	readonly path: string;
	/** Text on the line the refusal must name (its first occurrence in the edited file). */
	readonly at: string;
}

const must = (text: string, from: string, to: string): string => {
	if (!text.includes(from)) throw new Error(`the fixture no longer contains ${JSON.stringify(from)}`);
	return text.replace(from, to);
};

export const BROKEN: readonly BrokenCase[] = [
	{
		name: 'an unknown key',
		file: 'roster',
		edit: (t) => must(t, '    country: XQ\n', '    country: XQ\n    flag: blue\n'),
		path: 'authorities[0].flag',
		at: 'flag: blue',
	},
	{ name: 'a wrong type', file: 'roster', edit: (t) => must(t, 'version: 7', 'version: seven'), path: 'version', at: 'version: seven' },
	{
		name: 'an authority in an undeclared network',
		file: 'roster',
		edit: (t) => must(t, '      - network: BOREAL\n        status: observer', '      - network: AUSTRAL\n        status: observer'),
		path: 'authorities[1].memberships[0].network',
		at: 'network: AUSTRAL',
	},
	{
		name: 'a cross-network link to a missing authority',
		file: 'roster',
		edit: (t) => `${t}links:\n  - between: [xq-pps, zz-gone]\n    why: A link to nobody.\n`,
		path: 'links[0].between[1]',
		at: 'between: [xq-pps, zz-gone]',
	},
	{
		name: 'a duplicate server name',
		file: 'roster',
		edit: (t) => must(t, 'server_name: talk.jd.varnholm.test', 'server_name: chat.pps.quillon.test'),
		path: 'authorities[1].homeserver.server_name',
		at: 'server_name: chat.pps.quillon.test\n      client_url: https://talk',
	},
	{
		name: 'a site of an authority the roster does not have',
		file: 'site',
		edit: (t) => must(t, 'authority: xq-pps', 'authority: zz-gone'),
		path: 'authority',
		at: 'authority: zz-gone',
	},
];

export interface BrokenDeployment {
	readonly roster: string;
	readonly site: string;
	/** The file the refusal must name. */
	readonly broken: string;
	readonly line: number;
	readonly path: string;
}

/** The fourth network's roster, Quillon's site and people in a fresh folder, with one mistake made. */
export function writeBrokenDeployment(mistake: BrokenCase): BrokenDeployment {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-broken-'));
	const roster = join(dir, 'roster.yaml');
	const site = join(dir, 'xq-pps.site.yaml');
	cpSync(join(FIXTURES, 'fourth-network.yaml'), roster);
	cpSync(join(FIXTURES, 'xq-pps.site.yaml'), site);
	cpSync(join(FIXTURES, 'xq-pps.people.yaml'), join(dir, 'xq-pps.people.yaml'));
	const broken = mistake.file === 'roster' ? roster : site;
	const text = mistake.edit(readFileSync(broken, 'utf8'));
	writeFileSync(broken, text);
	const at = text.indexOf(mistake.at);
	if (at < 0) throw new Error(`the edited file has no ${JSON.stringify(mistake.at)}`);
	const line = text.slice(0, at).split('\n').length;
	return { roster, site, broken, line, path: mistake.path };
}

/** What the refusal must say: `<file>, line <n>, <key path>:` (policies/roster/file/errors.ts). */
export const namedPlace = (d: BrokenDeployment): string => `${d.broken}, line ${d.line}, ${d.path}:`;
