// The bot's preservation reminders against the bench/test federation (issue 5,
// acceptance 4), with the bot as a child process on an offset clock
// (ROGATORY_CLOCK_FILE: the test writes how far ahead the bot's scheduler
// runs; Matrix timestamps stay real). A case room between Guatemala and
// Nigeria holds a preservation requested by Guatemala and confirmed by
// Nigeria (18 U.S.C. § 2703(f): 90 days, New York). Guatemala's bridge then
// sends its reminder at each offset — 14 days, 7 days, 48 hours, 24 hours, at
// expiry — encrypted, in Spanish (the opener's language), mentioning the
// prosecutor who asked; she answers each (acknowledging it, so no escalation
// comes). Stopped across the 48-hour instant and restarted, the bot sends that
// reminder exactly once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sdk from 'matrix-js-sdk';
import { describe, expect, inject, it } from 'vitest';
import { OPENED } from '../../policies/cases/testing/fixtures.ts';
import { buildPreservationContent, type PreservationEvent } from '../../policies/preservation/record/index.ts';
import type { RuleId } from '../../policies/preservation/types.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { sendCaseEvent } from '../../tests/support/case-room-node.ts';
import { homeserverOf } from '../../tests/support/federation-info.ts';
import { decryptedMessage } from '../../tests/support/matrix-node-client.ts';
import { openRegister, registerSchema } from '../register/index.ts';
import { botSetup, type BotProcess, type BotSetup } from '../../tests/support/bot/bot-process.ts';
import { stoppedAfterAll } from '../../tests/support/bot/test-processes.ts';
import { caseRoomWithBots, crossSignedClient, until } from '../../tests/support/bot/bot-room.ts';
import { serverMap } from './config.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const { clients, bot: startBot } = stoppedAfterAll();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Row = typeof registerSchema.reminders.$inferSelect;

/** The bot's schedule, read beside the running bot (read-only). */
function schedule(setup: BotSetup): Row[] {
	const opened = openRegister(
		setup.config.registerFile,
		{ roster: demoRoster, servers: serverMap(setup.config, demoRoster) },
		{ readonly: true },
	);
	if (!opened.ok) return [];
	try {
		return opened.value.db.select().from(registerSchema.reminders).all();
	} finally {
		opened.value.close();
	}
}

async function sendPreservation(client: sdk.MatrixClient, room: string, event: PreservationEvent): Promise<string> {
	const content = buildPreservationContent(event, 'es');
	if (!content.ok) throw new Error(content.error.reason);
	return (await client.sendMessage(room, content.value as never)).event_id;
}

/** The bot's reminder notices in the room, as the member's client decrypted them. */
function reminders(client: sdk.MatrixClient, room: string, bot: string): string[] {
	return (client.getRoom(room)?.getLiveTimeline().getEvents() ?? [])
		.filter((e) => e.getSender() === bot && e.getType() === 'm.room.message' && e.getContent()['msgtype'] === 'm.notice')
		.map((e) => String(e.getContent()['body']));
}

describe('the bridge bot’s preservation reminders', () => {
	it('arrive at each offset, once — also the one that fell due while the bridge was stopped', async () => {
		const clockFile = join(mkdtempSync(join(tmpdir(), 'rogatory-clock-')), 'offset.json');
		writeFileSync(clockFile, '0');
		process.env['ROGATORY_CLOCK_FILE'] = clockFile;
		const setup = await botSetup(gt, federation.homeservers);
		const start = (): BotProcess => {
			const bot = startBot(setup);
			return bot;
		};
		const ana = await crossSignedClient(federation, 'gt-mp', 'reminders-gt');
		const amina = await crossSignedClient(federation, 'ng-ca', 'reminders-ng');
		clients.push(ana, amina);
		let bot = start();
		await bot.logged('bridge running');
		const room = await caseRoomWithBots(ana, amina, [setup.userId]);

		await sendCaseEvent(ana, room, OPENED, 'es');
		const request = await sendPreservation(ana, room, {
			type: 'preservation-requested',
			custodian: 'Example Mail Ltd.',
			identifiers: ['suspect@example.com'],
			ranges: [],
			rule: 'us-2703f' as RuleId,
			sent: new Date(Date.now() - 2 * HOUR).toISOString(),
		});
		await sendPreservation(amina, room, {
			type: 'preservation-confirmed',
			preservation: request as never,
			confirmedAt: new Date(Date.now() - HOUR).toISOString(),
		});
		await until(() => schedule(setup).filter((r) => r.kind === 'reminder').length === 5, 'the bot schedules five reminders', 1800);
		const expires = schedule(setup)[0]!.expires;
		expect(schedule(setup).every((r) => r.roomId === room && r.preservation === request && r.state === 'scheduled')).toBe(true);

		/** Moves the bot's clock just past `offset` before expiry. */
		const moveTo = (offset: number): void => writeFileSync(clockFile, JSON.stringify(expires - offset + 1000 - Date.now()));
		let acknowledged = 0;
		const expectReminder = async (offset: number, left: string): Promise<void> => {
			const notice = await decryptedMessage(ana, room, (body) => body.startsWith('Recordatorio de conservación') && body.includes(left));
			expect(notice.getSender()).toBe(setup.userId);
			expect(notice.isEncrypted()).toBe(true);
			expect(notice.getContent()['msgtype']).toBe('m.notice');
			expect(notice.getContent()['m.mentions']).toEqual({ user_ids: [ana.getUserId()] });
			const body = String(notice.getContent()['body']);
			expect(body).toContain('Example Mail Ltd.: suspect@example.com');
			expect(body).toContain('(America/New_York)');
			expect(body).toContain(`${ana.getUserId()}: prorróguela`);
			// NOTE: the notice can reach Ana before the bot has recorded the send's answer ('sending' until then).
			await until(
				() => schedule(setup).find((r) => r.kind === 'reminder' && r.offsetMs === offset)?.state === 'sent',
				'recorded as sent',
				1800,
			);
			// She answers: that acknowledges it, so no escalation comes before the next offset.
			await ana.sendMessage(room, { msgtype: sdk.MsgType.Text, body: `Visto (${left})` });
			acknowledged++;
			await until(() => schedule(setup).filter((r) => r.acknowledgedBy === ana.getUserId()).length === acknowledged, 'acknowledged', 1800);
		};

		moveTo(14 * DAY);
		await expectReminder(14 * DAY, 'en 14 días');
		moveTo(7 * DAY);
		await expectReminder(7 * DAY, 'en 7 días');

		// Stopped across the 48-hour instant, then started again: that reminder comes once.
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
		moveTo(48 * HOUR);
		bot = start();
		await bot.logged('bridge running');
		await expectReminder(48 * HOUR, 'en 2 días');
		expect(bot.output().match(/reminders: sent reminder/g)).toHaveLength(1);

		moveTo(24 * HOUR);
		await expectReminder(24 * HOUR, 'en 24 horas');
		moveTo(0);
		await expectReminder(0, 'ya vencida');

		// A restart sends nothing again.
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
		bot = start();
		await bot.logged('bridge running');
		await bot.logged('reminders: 0 scheduled');
		await new Promise((r) => setTimeout(r, 2000));
		const notices = reminders(ana, room, setup.userId);
		expect(notices.map((b) => b.split(':')[0])).toEqual(Array(5).fill('Recordatorio de conservación — Example Mail Ltd.'));
		expect(notices.filter((b) => b.includes('en 2 días'))).toHaveLength(1);
		expect(
			schedule(setup)
				.filter((r) => r.kind === 'escalation')
				.every((r) => r.state === 'cancelled'),
		).toBe(true);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 420_000);
});
