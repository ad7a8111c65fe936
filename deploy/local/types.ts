// The shapes the rest of the project sees of a local federation (re-exported
// by federation.ts). Plain data, so it can be written to federation.json and
// read back by other processes (vitest workers, the web app).
import type { ProfileName } from '../config/profiles.ts';

export interface LocalHomeserver {
	/** Authority id, or 'outsider'. */
	readonly id: string;
	/** e.g. '127.0.20.1:28448' */
	readonly serverName: string;
	/** e.g. '127.0.20.1' */
	readonly address: string;
	/** e.g. 'http://127.0.20.1:28008' */
	readonly clientUrl: string;
	readonly federationPort: number;
	readonly dataDir: string;
	readonly logPath: string;
}

/** What federation.json holds. */
export interface FederationDescription {
	readonly profile: ProfileName;
	readonly homeservers: readonly LocalHomeserver[];
	readonly caCertPath: string;
	/** The process that started the homeservers and will stop them. */
	readonly supervisorPid: number;
	readonly startedAt: string;
}
