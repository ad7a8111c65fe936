// People's own alert settings in the register (table `alert_preferences`,
// schema.ts): written by ingest, in the batch that brought each (ingest.ts,
// newest version wins); read here by bridge/alerts — the version held, to
// judge a new one, and every setting, to address the mails.
import type Database from 'better-sqlite3';
import type { Result } from '../../policies/result.ts';
import { registerWork } from './sqlite-errors.ts';
import type { AlertPreferenceRow, RegisterError } from './types.ts';

export interface AlertPreferenceStore {
	/** The version of the setting held for the person; undefined when none is. */
	versionOf(userId: string): Result<number | undefined, RegisterError>;
	/** Every person's setting. */
	all(): Result<AlertPreferenceRow[], RegisterError>;
}

interface Stored {
	readonly userId: string;
	readonly version: number;
	readonly email: string | null;
	readonly off: string;
	readonly eventId: string;
	readonly sentAt: number;
}

const offOf = (text: string): string[] => {
	try {
		const off: unknown = JSON.parse(text);
		return Array.isArray(off) ? off.filter((c): c is string => typeof c === 'string') : [];
	} catch {
		return [];
	}
};

export function alertPreferenceStore(file: string, sqlite: Database.Database): AlertPreferenceStore {
	const version = sqlite.prepare('SELECT version FROM alert_preferences WHERE user_id = ?');
	const all = sqlite.prepare(
		'SELECT user_id AS userId, version, email, off, event_id AS eventId, sent_at AS sentAt FROM alert_preferences ORDER BY user_id',
	);
	const attempt = registerWork(file);
	return {
		versionOf: (userId) =>
			attempt('read a person’s alert setting', () => (version.get(userId) as { version: number } | undefined)?.version),
		all: () => attempt('read the alert settings', () => (all.all() as Stored[]).map((r) => ({ ...r, off: offOf(r.off) }))),
	};
}
