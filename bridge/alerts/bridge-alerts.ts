// The alerts' wiring for the bridge process (bridge/bot/main.ts): the
// escalator and the batched mails (digest.ts) over the register, the directory state's rota, the roster's
// officers and the site's relay, and its passes; each person mailed at their own address and for the
// categories they keep when they set them (addressees.ts, preference-intake.ts). Undefined when the site has
// no `mail` section: then nothing of this runs.
import { join } from 'node:path';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';
import type { Register } from '../register/index.ts';
import { LiveAddressees } from './addressees.ts';
import { digester } from './digest.ts';
import { escalator, type CaseRoomSender } from './escalator.ts';
import { mailer } from './mailer.ts';
import { passes, type Passes } from './passes.ts';
import { directoryEntries } from './rota-source.ts';
import type { AlertSettings } from './settings.ts';

export interface BridgeAlertsOptions {
	readonly settings: AlertSettings;
	readonly register: Register;
	readonly roster: Roster;
	readonly authority: AuthorityId;
	/** Server name → authority (bot/config.ts serverMap). */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** The authority's homeserver name, as its people's Matrix IDs carry it. */
	readonly server: string;
	readonly secretsDir: string;
	readonly now: () => number;
	readonly log: (line: string) => void;
}

/** The authority's central-authority officers: the chain's last step. */
export function officersOf(roster: Roster, authority: AuthorityId, server: string): string[] {
	return roster.people
		.filter((p) => p.authority === authority && p.roles.includes('central-authority-officer'))
		.map((p) => `@${p.localpart.toLowerCase()}:${server}`);
}

/** The alerts as the bridge runs them: their passes, and the bot's sender once it runs (the case rooms are told of each step). */
export interface BridgeAlerts extends Passes {
	start(send: CaseRoomSender): void;
}

export function bridgeAlerts(options: BridgeAlertsOptions): BridgeAlerts {
	const { settings, log } = options;
	const mail = mailer(settings.relay);
	let caseRoom: CaseRoomSender | undefined;
	// People's own settings (preference-intake.ts) over the people file's addresses, read again at every pass.
	const own = () => options.register.preferences.all();
	const urgent = new LiveAddressees(settings.people, own, 'urgent', log);
	const routine = new LiveAddressees(settings.people, own, 'new-requests', log);
	const engine = escalator({
		register: options.register,
		authority: options.authority,
		servers: options.servers,
		entries: directoryEntries(join(options.secretsDir, 'directory.json'), log),
		officers: officersOf(options.roster, options.authority, options.server),
		people: urgent,
		mailer: mail,
		from: settings.relay.from,
		link: settings.link,
		ackWithinMinutes: settings.ackWithinMinutes,
		mailsPerHour: settings.mailsPerHour,
		now: options.now,
		log,
		caseRoom: () => caseRoom,
	});
	const batched = digester({
		register: options.register,
		authority: options.authority,
		people: routine,
		mailer: mail,
		from: settings.relay.from,
		link: settings.link,
		batchMinutes: settings.batchMinutes,
		now: options.now,
		log,
	});
	log(
		`alerts: escalating unacknowledged urgent requests by mail through ${settings.relay.host}:${settings.relay.port}, and preservations lapsing within 48 h; a step every ${settings.ackWithinMinutes} min; new routine requests batched, one mail per ${settings.batchMinutes} min per person at most`,
	);
	// The escalation first: an urgent request's mail opens the person's window before the batch is judged.
	const running = passes(
		{
			pass: async () => {
				await engine.pass();
				await batched.pass();
			},
		},
		settings.everyMs,
		log,
	);
	return {
		start: (send) => {
			caseRoom = send;
			running.request();
		},
		request: () => running.request(),
		stop: async () => {
			await running.stop();
			mail.close();
		},
	};
}
