// The site file as read: one per authority installation, read only by that
// authority's programs. Relative paths are taken from the site file's folder
// (deploy/roster/load.ts resolves them).
import type { SourceMap } from './source-map.ts';

export interface SiteReminders {
	/** Hours before expiry, one reminder each (0 = at expiry). */
	readonly offsetsHours?: readonly number[];
	/** Escalate to the focal point when a reminder is not acknowledged within this many hours. */
	readonly escalateAfterHours?: number;
}

export interface SiteDocument {
	/** The roster authority this installation is. */
	readonly authority: string;
	readonly urls: {
		/** The web app's public base URL. */
		readonly web: string;
	};
	readonly paths: {
		/** The installation's data folder. */
		readonly data: string;
		/** The bridge's register (SQLite). */
		readonly register: string;
		/** The web server's session database (SQLite). */
		readonly sessions: string;
		/** Folder of the bridge's session, store key and recovery key (mode 0700). */
		readonly secrets: string;
		/** The people file (people-document.ts). */
		readonly people: string;
	};
	readonly homeserver: {
		/** File holding the homeserver admin token; read by the server side only, never sent to a browser. */
		readonly adminTokenFile: string;
	};
	readonly bridge: {
		/** The bridge bot's account on the authority's homeserver. */
		readonly localpart: string;
		/** How long an event may wait for its room key before it is reported undecryptable (bot default 600). */
		readonly undecryptableAfterSeconds?: number;
		/** Pause between attempts when the register cannot be written (bot default 5). */
		readonly retrySeconds?: number;
		/**
		 * The authority's administrators consent to the bridge sending its
		 * network secretariats aggregated statistics and its register's head
		 * (issue 13, docs/secretariat-reports.md). False when left out: nothing
		 * leaves without the consent written here.
		 */
		readonly reportToSecretariat?: boolean;
		/** With that consent, how often the statistics are sent, in hours (bot default 24); the register's head goes daily. */
		readonly reportStatisticsEveryHours?: number;
		/** How often the bridge pages back through every case room for events its sync missed, in minutes (bot default 60). */
		readonly reconcileEveryMinutes?: number;
		/** Where the bridge answers GET /health, on 127.0.0.1 only (bridge/bot/health.ts); no listener when left out. */
		readonly healthPort?: number;
	};
	/**
	 * The authority's SMTP relay, through which its bridge sends content-free
	 * notification mails (issue 16; policies/alerts/mail-text.ts). Left out: no mail.
	 */
	readonly mail?: SiteMail;
	/** The bot's defaults when left out (bridge/reminders/types.ts). */
	readonly reminders?: SiteReminders;
	readonly source: SourceMap;
}

/** The site's `mail` section. */
export interface SiteMail {
	readonly host: string;
	readonly port: number;
	/** Whether the relay must upgrade to TLS (STARTTLS) before anything is sent; port 465 speaks TLS from the start. */
	readonly starttls: boolean;
	/** The sender address of every mail. */
	readonly from: string;
	readonly username?: string;
	/** A file holding the relay's password (relative paths from the site file's folder). */
	readonly passwordFile?: string;
	/** A PEM file of the certificate authority the relay's certificate is checked against, when not the system's. */
	readonly caFile?: string;
	/** How long each escalation step waits for an acknowledgement before the next person is told (issue 16); 30 when left out. */
	readonly escalateAfterMinutes?: number;
	/** At most one batched mail per person in this many minutes (bridge/alerts/digest.ts; 60 when left out). */
	readonly batchMinutes?: number;
	/** At most this many escalation mails to one person in any hour (policies/alerts/mail-cap.ts; 10 when left out). */
	readonly urgentMailsPerHour?: number;
}
