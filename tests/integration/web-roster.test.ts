// The web app shows the roster its server loaded (issue 10, acceptance 1,
// the other half of tests/security/client-bundle.test.ts): started on a
// fictional fourth network's roster and site (tests/fixtures/roster, nothing
// shared with the demo), the federation page names that network and its
// authority, and which roster it runs (version and SHA-256) in each of the
// five languages, and nothing of the demo. Needs the build.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../scripts/web-server.ts';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'roster');
const LOCALES = ['en', 'es', 'fr', 'pt', 'ru'] as const;

let server: WebServer | undefined;
let scratch: string;
let rosterHash: string;

beforeAll(async () => {
	// The site's relative paths (its session database) are taken from its folder: a scratch copy, not the fixtures.
	scratch = mkdtempSync(join(tmpdir(), 'rogatory-web-roster-'));
	const roster = join(scratch, 'roster.yaml');
	for (const [from, to] of [
		['fourth-network.yaml', roster],
		['xq-pps.site.yaml', join(scratch, 'xq-pps.site.yaml')],
		['xq-pps.people.yaml', join(scratch, 'xq-pps.people.yaml')],
	] as const)
		copyFileSync(join(FIXTURES, from), to);
	rosterHash = createHash('sha256').update(readFileSync(roster)).digest('hex');
	const federationFile = join(scratch, 'federation.json');
	writeFileSync(
		federationFile,
		JSON.stringify({
			profile: 'fourth',
			homeservers: [{ id: 'xq-pps', serverName: 'chat.pps.quillon.test', clientUrl: 'https://chat.pps.quillon.test' }],
		}),
	);
	const started = await startWebServer({
		root: process.cwd(),
		host: '127.0.0.1',
		port: 28083,
		federationFile,
		deployment: { roster, sites: [join(scratch, 'xq-pps.site.yaml')] },
		logTo: 'ignore',
	});
	if (!started.ok) throw new Error(started.error);
	server = started.value;
});

afterAll(async () => {
	await server?.stop();
	rmSync(scratch, { recursive: true, force: true });
});

const page = async (path: string): Promise<string> => {
	const response = await fetch(`${server?.url ?? ''}${path}`);
	expect(response.status, path).toBe(200);
	return response.text();
};

describe('the federation page', () => {
	it('shows the network and authority of the roster the server loaded, and none of the demo', async () => {
		const html = await page('/en');
		expect(html).toContain('Boreal Network of Island Prosecutors');
		expect(html).toContain('Public Prosecution Service of Quillon');
		expect(html).toContain('chat.pps.quillon.test');
		expect(html).not.toContain('Ministerio Público de Guatemala');
		expect(html).not.toContain('REFCO');
	});

	it('names the roster it runs, version and SHA-256, in each of the five languages', async () => {
		for (const locale of LOCALES) {
			const messages = JSON.parse(readFileSync(join(process.cwd(), 'web', 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
			const expected = messages['deployment_roster']!.replace('{version}', '7').replace('{sha256}', rosterHash);
			expect(await page(`/${locale}`), locale).toContain(expected);
		}
	});
});
