// Metric `escalation` (issue 16, acceptance 4): how long from an urgent
// request's opening until the first e-mail about it is accepted by the
// authority's SMTP relay. Nigeria's bridge escalates by mail through a relay
// on loopback (tests/support/alerts/alerts-site.ts); Guatemala opens
// ROGATORY_BENCH_ESCALATION_REQUESTS urgent requests (5 by default), one
// after another, each in its own case room. Value: the median, per request,
// from sending the opening until the relay accepted the mail to the 24/7
// point on call. Baseline, in the same run and for the same requests: from
// sending the opening until the bridge's register held it — the alert
// cannot be sooner than that. The bridge's own timer is left as configured
// (each minute): a new request's pass follows its committed batch.
import type * as sdk from 'matrix-js-sdk';
import { messageIdOf } from '../../bridge/alerts/escalator.ts';
import { serverMap } from '../../bridge/bot/config.ts';
import { openRegister } from '../../bridge/register/index.ts';
import type { CaseReference, Opened } from '../../policies/cases/index.ts';
import { OPENED } from '../../policies/cases/testing/fixtures.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { alertsSite } from '../support/alerts/alerts-site.ts';
import { runBot, type BotProcess } from '../support/bot/bot-process.ts';
import { caseRoomWithBots, crossSignedClient, until } from '../support/bot/bot-room.ts';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { homeserverOf, type FederationInfo } from '../support/federation-info.ts';
import { percentile, report } from './stats.ts';

const REQUESTS = Number(process.env['ROGATORY_BENCH_ESCALATION_REQUESTS'] ?? 5);
const progress = (line: string): void => console.error(`[escalation] ${line}`);

const urgent = (n: number): Opened => ({
	...OPENED,
	fields: { ...OPENED.fields, title: `Escalation bench ${n}`, requestingReference: `BENCH-${n}` as CaseReference, urgency: 'urgent' },
});

export async function escalation(federation: FederationInfo): Promise<void> {
	const ng = homeserverOf(federation, 'ng-ca');
	const site = await alertsSite(ng, federation.homeservers);
	const clients: sdk.MatrixClient[] = [];
	let bot: BotProcess | undefined;
	try {
		const held = (eventId: string): boolean => {
			const register = openRegister(
				site.setup.config.registerFile,
				{ roster: demoRoster, servers: serverMap(site.setup.config, demoRoster) },
				{ readonly: true },
			);
			if (!register.ok) return false;
			try {
				const found = register.value.holds(eventId);
				return found.ok && found.value;
			} finally {
				register.value.close();
			}
		};
		const ana = await crossSignedClient(federation, 'gt-mp', 'bench-escalation-gt');
		const officer = await crossSignedClient(federation, 'ng-ca', 'bench-escalation-ng');
		clients.push(ana, officer);
		bot = runBot(site.setup);
		await bot.logged('bridge running');
		await bot.logged('alerts: escalating unacknowledged urgent requests by mail');
		const onCall = site.userId(site.people[0]!.localpart);
		const toMail: number[] = [];
		const toRegister: number[] = [];
		for (let n = 1; n <= REQUESTS; n++) {
			const room = await caseRoomWithBots(ana, officer, [site.setup.userId]);
			const messageId = messageIdOf(room, 0, onCall, site.from);
			const sentAt = Date.now();
			const eventId = await sendCaseEvent(ana, room, urgent(n), 'es');
			let registeredAt: number | undefined;
			await until(
				() => {
					if (registeredAt === undefined && held(eventId)) registeredAt = Date.now();
					return registeredAt !== undefined && site.received.some((r) => r.mail.messageId === messageId);
				},
				`request ${n}: logged and mailed`,
				3000,
				20,
			);
			const mailedAt = site.received.find((r) => r.mail.messageId === messageId)!.acceptedAt;
			toRegister.push(registeredAt! - sentAt);
			toMail.push(mailedAt - sentAt);
			progress(`request ${n}: in the register after ${registeredAt! - sentAt} ms, mail accepted after ${mailedAt - sentAt} ms`);
		}
		report({
			metric: 'escalation',
			value: percentile(toMail, 50) / 1000,
			unit: 's',
			baseline: percentile(toRegister, 50) / 1000,
			value_is: 'median, per request, from sending the opening until the relay accepted the mail to the 24/7 point on call',
			p95_s: percentile(toMail, 95) / 1000,
			baseline_is: 'the same requests: from sending the opening until the bridge’s register held it, same run',
			n: REQUESTS,
			events:
				'urgent MLA openings from Guatemala to Nigeria (Megolm, Rust crypto in Node); one mail each to the 24/7 point on call, over STARTTLS on loopback',
		});
	} finally {
		bot?.child.kill('SIGTERM');
		await bot?.exited;
		for (const c of clients) c.stopClient();
		await site.close();
	}
}
