// Where this web server reaches each served authority's homeserver admin API
// when not at the federation file's client URL: ROGATORY_SYNAPSE_ADMIN_URLS,
// `<authority>=<url>` pairs separated by spaces. In production the generator
// names the main process on loopback (deploy/production/environment.ts):
// nginx lets /_synapse/admin through from the host only, and from the host
// the server name resolves to its public address, which nginx refuses. An
// authority left out is reached at its client URL, as the local federations
// are. A malformed value is a value, naming the pair; the server refuses to
// start with it (web/src/env.ts). Pure.
import { err, ok, type Result } from '#policies/result.ts';

export function parseAdminUrls(value: string | undefined): Result<ReadonlyMap<string, string>, string> {
	const urls = new Map<string, string>();
	for (const pair of (value ?? '').split(/\s+/).filter((p) => p !== '')) {
		const at = pair.indexOf('=');
		const authority = at > 0 ? pair.slice(0, at) : '';
		const url = URL.parse(pair.slice(at + 1));
		if (authority === '' || url === null || (url.protocol !== 'http:' && url.protocol !== 'https:'))
			return err(`ROGATORY_SYNAPSE_ADMIN_URLS: "${pair}" is not <authority>=<http or https URL>`);
		if (urls.has(authority)) return err(`ROGATORY_SYNAPSE_ADMIN_URLS: ${authority} is named twice`);
		urls.set(authority, url.href.replace(/\/+$/, ''));
	}
	return ok(urls);
}
