// The local production run's departures from the demo's files, each for
// running on this machine: its copy of the site file names the web app's
// host (the run's .invalid name, demo-options.ts) and the bridge's health
// port; the bridge's generated config maps the server names of this machine
// (nginx's address, the development peers' addresses) to their authorities,
// as the local federation does, since the roster keeps the production
// names; the web app's federation file gives the development peers' client
// URLs (their client listener, not https://<server name>). Pure: text in, text out; comments and everything else kept.
import { parseDocument } from 'yaml';
import type { Roster } from '../../../policies/roster/types.ts';
import { DEMO_BRIDGE_HEALTH_PORT } from './demo-options.ts';

export function runSite(siteYaml: string, webUrl: URL): string {
	const document = parseDocument(siteYaml);
	document.setIn(['urls', 'web'], webUrl.href.replace(/\/$/, ''));
	document.setIn(['bridge', 'health_port'], DEMO_BRIDGE_HEALTH_PORT);
	return document.toString();
}

/** Server name → authority. */
export const serverNames = (roster: Roster): Record<string, string> =>
	Object.fromEntries(roster.authorities.map((a) => [a.homeserver, a.id]));

export function withServerNames(bridgeConfigJson: string, roster: Roster): string {
	const config = JSON.parse(bridgeConfigJson) as Record<string, unknown>;
	return `${JSON.stringify({ ...config, servers: serverNames(roster) }, null, '\t')}\n`;
}

/** The federation file with the client URL of each authority given (the others' kept). */
export function withClientUrls(federationJson: string, clientUrls: Readonly<Record<string, string>>): string {
	const file = JSON.parse(federationJson) as { homeservers: { id: string; clientUrl: string }[] };
	const homeservers = file.homeservers.map((hs) => ({ ...hs, clientUrl: clientUrls[hs.id] ?? hs.clientUrl }));
	return `${JSON.stringify({ ...file, homeservers }, null, '\t')}\n`;
}
