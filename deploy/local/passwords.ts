// Passwords of the accounts provisioned on a local homeserver, generated once
// per data folder and kept there (secrets/passwords.json, 0600), so that
// every `npm start` prints the same ones and re-provisioning can log in.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { homeserverFiles } from '../config/layout.ts';
import { randomSecret } from './secrets.ts';

type Passwords = Record<string, string>;

function load(path: string): Passwords {
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Passwords) : {};
}

/** The password kept for `localpart` on the homeserver whose data folder is `dataDir`, created on first use. */
export function keptPassword(dataDir: string, localpart: string): string {
	const path = homeserverFiles(dataDir).passwords;
	const passwords = load(path);
	const known = passwords[localpart];
	if (known !== undefined) return known;
	const password = randomSecret(12);
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	writeFileSync(path, `${JSON.stringify({ ...passwords, [localpart]: password }, null, '\t')}\n`, { mode: 0o600 });
	return password;
}
