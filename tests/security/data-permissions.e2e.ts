// Acceptance (issue 9, point 7, files): with the federation, one bridge per
// authority and the web server running, every file under the data folders is
// its owner's alone (no group or other permission bit on any file or folder),
// and every process of the stack runs with umask 077.
// NOTE: why `.data/test` stands for a running `npm start`: `npm test` comes
// through the same door (scripts/bootstrap.sh, umask 077), starts the
// homeservers with the same startFederation (only the profile name differs:
// addresses, ports, folder), and the bridges and web server with the same
// startBridges and startWebServer as scripts/start.ts (scripts/e2e-environment.ts).
// Starting the `start` profile here would take the addresses and folder of a
// developer's own `npm start`. The test first makes the web server write its
// session database (a real session) and names the sensitive files it expects,
// so it cannot pass on a folder that is merely empty.
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { OUTSIDER_ID } from '../../deploy/config/profiles.ts';
import { freshAccount, homeserverOf } from '../e2e/support/accounts.ts';

const federationFile = (): string => {
	const path = process.env['ROGATORY_FEDERATION'];
	if (path === undefined || path === '') throw new Error('ROGATORY_FEDERATION is not set: run this through npm test or npm run e2e.');
	return path;
};

/** The member homeservers the federation file lists (each with its bridge in the demo): every one but the outsider. */
const memberIds = (): string[] =>
	(JSON.parse(readFileSync(federationFile(), 'utf8')) as { homeservers: { id: string }[] }).homeservers
		.map((hs) => hs.id)
		.filter((id) => id !== OUTSIDER_ID);

/** Every entry under `top` (itself included) whose mode lets group or others in, with its mode; symlinks count too. */
function openToOthers(top: string): string[] {
	const found: string[] = [];
	const visit = (path: string): void => {
		const stats = lstatSync(path);
		const name = relative(dirname(top), path);
		if (stats.isSymbolicLink()) found.push(`${name} (a symlink)`);
		else if ((stats.mode & 0o077) !== 0) found.push(`${name} (${(stats.mode & 0o777).toString(8)})`);
		if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
	};
	visit(top);
	return found;
}

/** The umask of every live process whose command line names all of `needles`, by pid. */
function umasks(...needles: string[]): Map<number, string> {
	const found = new Map<number, string>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
			if (!needles.every((needle) => command.includes(needle))) continue;
			const umask = /^Umask:\s+(\d+)$/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
			if (umask !== undefined) found.set(Number(entry), umask);
		} catch {
			// Ended while we looked.
		}
	}
	return found;
}

test('every file of the running federation, bridges and web server is its owner’s alone', async ({ request }) => {
	const profileDir = dirname(federationFile());
	const members = memberIds();
	expect(members).toContain('sv-fgr');
	const dataDir = dirname(profileDir);
	const root = dirname(dataDir);

	// The web server's session database holds a real session.
	const person = await freshAccount(homeserverOf('gt-mp'), 'files');
	const session = await request.post('/api/session', { data: { userId: person.userId, accessToken: person.accessToken } });
	expect(session.status()).toBe(204);

	const expected = [
		'ca/ca.key',
		'web/sessions.sqlite',
		...members.flatMap((id) => [
			`${id}/homeserver.db`,
			`${id}/signing.key`,
			`${id}/tls.key`,
			`${id}/homeserver.log`,
			`${id}/secrets/registration_shared_secret`,
			`${id}/secrets/passwords.json`,
			`bridges/${id}/config.json`,
			`bridges/${id}/register.sqlite`,
			`bridges/${id}/bridge.log`,
			`bridges/${id}/secrets/session.json`,
		]),
	];
	for (const path of expected) expect(lstatSync(join(profileDir, path)).isFile(), path).toBe(true);

	expect(lstatSync(dataDir).mode & 0o077, '.data').toBe(0);
	expect(openToOthers(profileDir)).toEqual([]);

	// Every process of the stack creates what it writes next with umask 077 too.
	const synapse = umasks('synapse.app.homeserver', `${profileDir}/`);
	const bridges = umasks(join(root, 'bridge', 'bot', 'main.ts'));
	const web = umasks(join(root, 'web', 'server.ts'));
	expect(synapse.size, 'homeserver processes (members and the outsider)').toBe(members.length + 1);
	expect(bridges.size, 'bridge processes').toBe(members.length);
	expect(web.size, 'web server processes').toBe(1);
	for (const [pid, umask] of [...synapse, ...bridges, ...web]) expect(umask, `process ${pid}`).toBe('0077');
});
