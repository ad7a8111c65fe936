// The roster is not in the browser's bundle (issue 10, acceptance 1): the
// built client assets (build/client, what any visitor can download without
// signing in) name none of the demo people — display name or localpart —
// and none of the demo authorities on Rogatory — id, name or server name.
// The names are read from the demo files (deploy/roster/default.yaml and
// demo-people/), so a new demo person is checked too. A control search finds
// a sentence that is in the bundle, so the search itself can fail. The web
// server hands the browser what it needs at run time
// (tests/integration/web-roster.test.ts). Needs the build (npm test builds
// before the integration tests).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const CLIENT = join(ROOT, 'build', 'client');
const DEMO = join(ROOT, 'deploy', 'roster');

interface Needle {
	readonly what: string;
	readonly text: string;
}

function demoNames(): Needle[] {
	const roster = parse(readFileSync(join(DEMO, 'default.yaml'), 'utf8')) as {
		authorities: { id: string; name: string; homeserver?: { server_name: string } }[];
	};
	const needles: Needle[] = roster.authorities.flatMap((a) =>
		a.homeserver === undefined
			? []
			: [
					{ what: `authority id`, text: a.id },
					{ what: `authority name`, text: a.name },
					{ what: `server name of ${a.id}`, text: a.homeserver.server_name },
				],
	);
	for (const file of readdirSync(join(DEMO, 'demo-people'))) {
		const people = parse(readFileSync(join(DEMO, 'demo-people', file), 'utf8')) as {
			people: { localpart: string; display_name: string }[];
		};
		for (const person of people.people)
			needles.push({ what: 'localpart', text: person.localpart }, { what: 'display name', text: person.display_name });
	}
	return needles;
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
	);
}

/** Each client file as text (a .wasm too: a name in it would show as its bytes). */
function clientFiles(): { path: string; text: string }[] {
	if (!existsSync(CLIENT)) throw new Error(`${CLIENT} is missing: build the web app first (npm test does, before these tests).`);
	return filesUnder(CLIENT).map((path) => ({ path: path.slice(ROOT.length + 1), text: readFileSync(path).toString('utf8') }));
}

const found = (files: readonly { path: string; text: string }[], text: string): string[] =>
	files.filter((file) => file.text.includes(text)).map((file) => file.path);

describe('the built client assets', () => {
	const files = clientFiles();
	const needles = demoNames();

	it('are searched for real: the control sentence and the demo names are there to find', () => {
		expect(files.filter((f) => f.path.endsWith('.js')).length).toBeGreaterThan(10);
		const english = JSON.parse(readFileSync(join(ROOT, 'web', 'messages', 'en.json'), 'utf8')) as Record<string, string>;
		expect(english['tagline']).toBeDefined();
		expect(found(files, english['tagline']!), 'the English tagline, a message every page has').not.toEqual([]);
		// 3 authorities on Rogatory (id, name, server name) and 15 people (localpart, display name) today.
		expect(needles.length).toBeGreaterThanOrEqual(3 * 3 + 3 * 2);
	});

	it('name no demo person and no demo authority on Rogatory', () => {
		const hits = needles.flatMap((needle) => found(files, needle.text).map((path) => `${needle.what} "${needle.text}" in ${path}`));
		expect(hits).toEqual([]);
	});
});
