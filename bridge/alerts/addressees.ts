// Whom a category of mail goes to, and at which address (issue 16): the
// people file's addressees (settings.ts) with each person's own setting from
// the register applied (preference-intake.ts) — their own address over the
// file's, and no address at all for a category they turned off, where they
// may (policies/alerts/preferences.ts: urgent mails stay on for the 24/7
// focal points and the officers). Read again at every use, so a setting
// counts from the next pass without a restart; the escalator and the batched
// mails take it as their `people` map.
import { mayTurnOff, type MailCategory } from '../../policies/alerts/index.ts';
import type { Result } from '../../policies/result.ts';
import type { AlertPreferenceRow } from '../register/index.ts';
import type { Addressee } from './settings.ts';

/** The addressees with their own settings applied, for mails of `category`. Pure. */
export function addresseesFor(
	base: ReadonlyMap<string, Addressee>,
	rows: readonly AlertPreferenceRow[],
	category: MailCategory,
): Map<string, Addressee> {
	const own = new Map(rows.map((r) => [r.userId, r]));
	return new Map(
		[...base].map(([user, addressee]): [string, Addressee] => {
			const setting = own.get(user);
			if (setting === undefined) return [user, addressee];
			const { email: _file, ...rest } = addressee;
			if (setting.off.includes(category) && mayTurnOff(category, addressee.roles)) return [user, rest];
			const email = setting.email ?? addressee.email;
			return [user, email === undefined ? rest : { ...rest, email }];
		}),
	);
}

/**
 * A map that reads the settings again at each use (get, iteration); the people file's addressees alone when the
 * register cannot be read (logged).
 */
export class LiveAddressees implements ReadonlyMap<string, Addressee> {
	readonly #base: ReadonlyMap<string, Addressee>;
	readonly #rows: () => Result<readonly AlertPreferenceRow[], { readonly message: string }>;
	readonly #category: MailCategory;
	readonly #log: (line: string) => void;

	constructor(
		base: ReadonlyMap<string, Addressee>,
		rows: () => Result<readonly AlertPreferenceRow[], { readonly message: string }>,
		category: MailCategory,
		log: (line: string) => void,
	) {
		this.#base = base;
		this.#rows = rows;
		this.#category = category;
		this.#log = log;
	}

	#now(): ReadonlyMap<string, Addressee> {
		const rows = this.#rows();
		if (rows.ok) return addresseesFor(this.#base, rows.value, this.#category);
		this.#log(`alerts: people’s own alert settings cannot be read (${rows.error.message}); the people file’s addresses are used`);
		return this.#base;
	}

	get size(): number {
		return this.#base.size;
	}
	get(user: string): Addressee | undefined {
		return this.#now().get(user);
	}
	has(user: string): boolean {
		return this.#base.has(user);
	}
	forEach(each: (value: Addressee, key: string, map: ReadonlyMap<string, Addressee>) => void): void {
		for (const [key, value] of this.#now()) each(value, key, this);
	}
	entries(): MapIterator<[string, Addressee]> {
		return new Map(this.#now()).entries();
	}
	keys(): MapIterator<string> {
		return new Map(this.#base).keys();
	}
	values(): MapIterator<Addressee> {
		return new Map(this.#now()).values();
	}
	[Symbol.iterator](): MapIterator<[string, Addressee]> {
		return this.entries();
	}
}
