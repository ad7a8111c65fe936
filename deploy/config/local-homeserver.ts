// The homeserver.yaml of one local homeserver (npm start, tests, benches):
// SQLite, federation over TLS and the client API over plain HTTP, each bound
// to the homeserver's own loopback address; certificates checked against the
// project's local CA; secrets read from files in the data folder; the
// privacy settings every Rogatory homeserver carries (not on the outsider,
// which stands for a foreign server: see memberSettings); the development
// overlay on top.
import { developmentOverlay } from './development.ts';
import { LOCAL_FEDERATION_RETRIES } from './federation-retries.ts';
import { LOCAL_BLOCKLIST, LOOPBACK_V4 } from './ip-ranges.ts';
import type { HomeserverFiles } from './layout.ts';
import { closedFederationSettings, personalDataSettings } from './privacy.ts';
import type { HomeserverPlan } from './topology.ts';

export function clientUrl(plan: Pick<HomeserverPlan, 'address' | 'clientPort'>): string {
	return `http://${plan.address}:${plan.clientPort}`;
}

/**
 * What a member homeserver carries that the outsider does not.
 * NOTE: the outsider stands for any Matrix server in the world and keeps
 * Synapse's defaults for its own people (docs/decisions.md, "The outsider
 * federates openly"): a refusal seen from it can only come from the members'
 * policy. Its profile look-ups must also reach peers it shares no room with
 * (tests/integration/certificate-verification.test.ts).
 */
function memberSettings(plan: HomeserverPlan): Record<string, unknown> {
	return plan.federationWhitelist === undefined ? {} : personalDataSettings();
}

/** The production-independent part, without the development overlay. */
export function localBaseConfig(plan: HomeserverPlan, files: HomeserverFiles, caCertPath: string): Record<string, unknown> {
	return {
		server_name: plan.serverName,
		public_baseurl: `${clientUrl(plan)}/`,
		listeners: [
			{
				port: plan.federationPort,
				bind_addresses: [plan.address],
				type: 'http',
				tls: true,
				x_forwarded: false,
				resources: [{ names: ['federation'], compress: false }],
			},
			{
				port: plan.clientPort,
				bind_addresses: [plan.address],
				type: 'http',
				tls: false,
				x_forwarded: false,
				resources: [{ names: ['client'], compress: false }],
			},
		],
		database: { name: 'sqlite3', args: { database: files.database } },
		log_config: files.logConfig,
		media_store_path: files.mediaStore,
		signing_key_path: files.signingKey,
		tls_certificate_path: files.tlsCert,
		tls_private_key_path: files.tlsKey,
		registration_shared_secret_path: files.registrationSecret,
		macaroon_secret_key_path: files.macaroonSecret,
		form_secret_path: files.formSecret,
		...closedFederationSettings({ federationWhitelist: plan.federationWhitelist, retries: LOCAL_FEDERATION_RETRIES }),
		...memberSettings(plan),
		federation_custom_ca_list: [caCertPath],
		// Outbound requests to 127.0.0.0/8 are blocked by default, federation
		// included, and every peer here is loopback: see ip-ranges.ts for why
		// the allow list alone does not do it.
		ip_range_blacklist: [...LOCAL_BLOCKLIST],
		ip_range_whitelist: [LOOPBACK_V4],
	};
}

export function localHomeserverConfig(plan: HomeserverPlan, files: HomeserverFiles, caCertPath: string): Record<string, unknown> {
	const base = localBaseConfig(plan, files, caCertPath);
	const overlay = developmentOverlay();
	for (const key of Object.keys(overlay)) {
		// The overlay adds; it must never silently replace a policy setting.
		if (key in base) throw new Error(`development overlay would override "${key}"`);
	}
	return { ...base, ...overlay };
}
