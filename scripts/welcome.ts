// What `npm start` prints once everything is up: where to go, which
// roster and sites run, which homeservers, and the demo accounts with their passwords.
import type { LocalFederation } from '../deploy/local/federation.ts';
import type { ProvisionedPeople } from '../deploy/local/provision.ts';
import { rosterLabel, type Deployment } from '../policies/roster/file/index.ts';

export function printWelcome(url: string, federation: LocalFederation, provisioned: ProvisionedPeople, deployment: Deployment): void {
	const lines: string[] = [
		'',
		`Rogatory is running: ${url}  (sign in: ${url}/en/sign-in)`,
		'',
		`Roster: ${rosterLabel(deployment.roster)}, ${deployment.roster.path}`,
		`Sites: ${deployment.sites.map((s) => `${s.document.authority} ${s.path}`).join('; ')}`,
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
