// The reminders' wiring for the bot (bridge/matrix/bot-client.ts's
// `reminders` option): the scheduler over the register's schedule, fed by the
// preservations the register's events fold to (source.ts), speaking each
// room's language (the chat commands' rule, bridge/commands/language.ts) and
// escalating to the focal points of the bot's authority in the roster.
import { isPreservationContent } from '../../policies/preservation/record/index.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';
import { roomLanguage } from '../commands/language.ts';
import type { Register } from '../register/index.ts';
import { realClock, type Clock } from './clock.ts';
import type { ReminderHook } from './hook.ts';
import { ReminderScheduler } from './scheduler.ts';
import { registerSource } from './source.ts';
import { DEFAULT_SETTINGS, type ReminderSettings } from './types.ts';

export interface CaseRemindersOptions {
	readonly register: Register;
	readonly roster: Roster;
	/** Server name → authority, as the bot reads user IDs. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** The bot's own authority. */
	readonly authority: AuthorityId;
	readonly clock?: Clock;
	readonly settings?: ReminderSettings;
	readonly log: (line: string) => void;
}

const FOCAL_ROLES = ['focal-point', 'focal-point-24-7'];

/** The Matrix IDs of the authority's focal points (focal-point or 24/7 role), on its homeserver as the server map names it. */
export function focalPointsOf(roster: Roster, servers: ReadonlyMap<string, AuthorityId>, authority: AuthorityId): string[] {
	const server = [...servers].find(([, a]) => a === authority)?.[0];
	if (server === undefined) return [];
	return roster.people
		.filter((p) => p.authority === authority && p.roles.some((r) => FOCAL_ROLES.includes(r)))
		.map((p) => `@${p.localpart}:${server}`);
}

export function caseReminders(options: CaseRemindersOptions): ReminderHook & { readonly scheduler: ReminderScheduler } {
	const { register, roster, authority, log } = options;
	const store = register.schedule;
	const fallback = roster.authorities.find((a) => a.id === authority)?.languages[0] ?? 'en';
	const scheduler = new ReminderScheduler({
		store,
		source: registerSource({ store, record: (room) => register.record(room), servers: options.servers, authority }),
		clock: options.clock ?? realClock,
		settings: options.settings ?? DEFAULT_SETTINGS,
		language: (room) => {
			const record = register.record(room);
			return record.ok ? roomLanguage(record.value, roster, authority) : fallback;
		},
		focalPoints: focalPointsOf(roster, options.servers, authority),
		log,
	});
	let started = false;
	return {
		scheduler,
		observe: (events) => {
			const kept = events.filter((e) => isPreservationContent(e.content));
			if (kept.length > 0) {
				const done = store.keep(kept);
				if (!done.ok) log(`REMINDERS: preservation events not kept: ${done.error.message}`);
			}
			scheduler.observe(events);
		},
		committed: (rooms) => {
			if (started) scheduler.plan(rooms);
		},
		start: (send) => {
			started = true;
			scheduler.start(send);
		},
		stop: () => void scheduler.stop(),
	};
}
