// What `npm start` prints once everything is up: where to go, which
// homeservers run, and the demo accounts with their passwords.
import type { LocalFederation } from '../deploy/local/federation.ts';
import type { ProvisionedPeople } from '../deploy/local/provision.ts';

export function printWelcome(url: string, federation: LocalFederation, provisioned: ProvisionedPeople): void {
	const lines: string[] = [
		'',
		`Rogatory is running: ${url}  (sign in: ${url}/en/sign-in)`,
		'',
		'Homeservers (closed federation, TLS verified against the local CA):',
	];
	for (const hs of federation.homeservers)
		lines.push(`  ${hs.id.padEnd(10)} ${hs.serverName.padEnd(20)} client API ${hs.clientUrl}   log ${hs.logPath}`);
	lines.push('', 'Demo accounts (user ID — password — role):');
	for (const { person, account } of provisioned.people) {
		lines.push(
			`  ${account.userId.padEnd(44)} ${account.password.padEnd(18)} ${person.roles.join(', ')}${person.secretariatOf !== undefined ? ` (${person.secretariatOf})` : ''}`,
		);
	}
	lines.push('', 'Passwords are kept in .data/start/ and stay the same across restarts. Ctrl-C stops everything.', '');
	console.log(lines.join('\n'));
}
