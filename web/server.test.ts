// web/server.ts refuses broken deployment files before it starts anything
// (issue 10, acceptance 3, the web server's part): started as npm start
// starts it, with a roster carrying an unknown key, a site naming an
// authority the roster does not list, a roster whose authority is in an
// undeclared network, or without its variables, it exits non-zero with one
// paragraph naming the file, the line and the key path — and nothing
// listens on its port. The app's build is not needed: it is never imported
// (an empty build folder makes sure a wrong start fails at once, not hangs).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER = join(import.meta.dirname, 'server.ts');
const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'roster');

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'rogatory-web-refusal-'));
	mkdirSync(join(dir, 'empty-build'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A free loopback port: one the system just handed out and took back. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

const listening = (port: number): Promise<boolean> =>
	new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});

async function start(env: { ROGATORY_ROSTER?: string; ROGATORY_SITE?: string }) {
	const port = await freePort();
	const { ROGATORY_ROSTER: _roster, ROGATORY_SITE: _site, ...inherited } = process.env;
	// The pinned Node that runs this test is the one npm start runs web/server.ts with (scripts/web-server.ts).
	const child = spawn(process.execPath, [SERVER], {
		env: { ...inherited, ...env, HOST: '127.0.0.1', PORT: String(port), ROGATORY_WEB_BUILD: join(dir, 'empty-build') },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	return { code, stderr: stderr.trim(), listening: await listening(port) };
}

/** The fourth network's files in `dir`, the roster and site edited by `edit`. */
function files(name: string, edit: { roster?: (text: string) => string; site?: (text: string) => string } = {}) {
	const folder = join(dir, name);
	mkdirSync(folder);
	const roster = join(folder, 'roster.yaml');
	const site = join(folder, 'xq-pps.site.yaml');
	writeFileSync(roster, (edit.roster ?? ((t) => t))(readFileSync(join(FIXTURES, 'fourth-network.yaml'), 'utf8')));
	writeFileSync(site, (edit.site ?? ((t) => t))(readFileSync(join(FIXTURES, 'xq-pps.site.yaml'), 'utf8')));
	copyFileSync(join(FIXTURES, 'xq-pps.people.yaml'), join(folder, 'xq-pps.people.yaml'));
	return { ROGATORY_ROSTER: roster, ROGATORY_SITE: site };
}

/** One paragraph: the refusal, the file, `line N`, the key path, and what to do. */
function expectOneParagraph(stderr: string, file: string, line: number, key: string): void {
	expect(stderr).not.toMatch(/\n/);
	expect(stderr.startsWith(`rogatory web: cannot start: ${file}, line ${line}, ${key}: `), stderr).toBe(true);
	expect(stderr).toMatch(/Mend the file and start again\.$/);
}

describe('node web/server.ts', () => {
	it('refuses a roster with an unknown key', async () => {
		const env = files('unknown-key', {
			roster: (t) => t.replace('    region: North Atlantic islands', '    region: North Atlantic islands\n    motto: Fair winds'),
		});
		const run = await start(env);
		expect(run.code).not.toBe(0);
		expectOneParagraph(run.stderr, env.ROGATORY_ROSTER, 14, 'networks[0].motto');
		expect(run.listening).toBe(false);
	});

	it('refuses a site naming an authority the roster does not list', async () => {
		const env = files('unknown-authority', { site: (t) => t.replace('authority: xq-pps', 'authority: xz-nowhere') });
		const run = await start(env);
		expect(run.code).not.toBe(0);
		expectOneParagraph(run.stderr, env.ROGATORY_SITE, 2, 'authority');
		expect(run.listening).toBe(false);
	});

	it('refuses a roster whose authority is in an undeclared network', async () => {
		const env = files('undeclared-network', {
			roster: (t) => t.replace('      - network: BOREAL\n        status: observer', '      - network: AUSTRAL\n        status: observer'),
		});
		const run = await start(env);
		expect(run.code).not.toBe(0);
		expectOneParagraph(run.stderr, env.ROGATORY_ROSTER, 39, 'authorities[1].memberships[0].network');
		expect(run.listening).toBe(false);
	});

	it('refuses to start without ROGATORY_ROSTER and ROGATORY_SITE, saying how to set them', async () => {
		for (const env of [{}, { ROGATORY_ROSTER: files('unset').ROGATORY_ROSTER }]) {
			const run = await start(env);
			expect(run.code).not.toBe(0);
			expect(run.stderr).not.toMatch(/\n/);
			expect(run.stderr).toMatch(/^rogatory web: cannot start: ROGATORY_ROSTER and ROGATORY_SITE must both be set.*npm start/);
			expect(run.listening).toBe(false);
		}
	});
});
