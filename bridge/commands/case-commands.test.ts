import { afterEach, describe, expect, it } from 'vitest';
import { AMINA, ANA, CARLOS, ROOM } from '../../policies/cases/testing/fixtures.ts';
import { demoRoster, GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { batch, MLA_HISTORY, open, REGISTER_CONTEXT } from '../register/testing.ts';
import type { Register } from '../register/index.ts';
import { calendarDate } from '../../policies/cases/index.ts';
import { caseCommands } from './case-commands.ts';

const registers: Register[] = [];
afterEach(() => {
	for (const r of registers.splice(0)) r.close();
});

function setup(now = Date.parse('2026-03-20T18:00:00Z')) {
	const register = open(':memory:');
	registers.push(register);
	const ingested = register.ingest(batch(MLA_HISTORY));
	if (!ingested.ok) throw new Error(ingested.error.message);
	const hook = caseCommands({
		read: (room) => register.record(room),
		roster: demoRoster,
		servers: REGISTER_CONTEXT.servers,
		authority: GUATEMALA.id,
		rosterEdition: { version: 12, sha256: 'c0ffee'.padEnd(64, '0') },
		now: () => now,
	});
	return { register, hook, now };
}

const command = (body: string, sender = ANA, at = Date.parse('2026-03-20T17:59:00Z'), msgtype = 'm.text') => ({
	room: ROOM,
	eventId: '$cmd',
	sender,
	originServerTs: at,
	content: { msgtype, body },
});

describe('caseCommands', () => {
	it('answers its own authority’s users, not the other party’s (their bridge does), nor stale commands', () => {
		const { hook, now } = setup();
		expect(hook.pick(command('!rogatory status'), '@bot:x', now)).toEqual({
			room: ROOM,
			eventId: '$cmd',
			sender: ANA,
			at: command('').originServerTs,
			request: { name: 'status' },
		});
		expect(hook.pick(command('!rogatory status', AMINA), '@bot:x', now)).toBeUndefined();
		expect(hook.pick(command('!rogatory status', ANA, now - 2 * 86_400_000), '@bot:x', now)).toBeUndefined();
		expect(hook.pick(command('!rogatory status', ANA, undefined, 'm.notice'), '@bot:x', now)).toBeUndefined();
	});

	it('replies with the register’s status in the room’s language (the opener’s: Spanish), as a bare notice', () => {
		const { hook, now } = setup();
		const picked = hook.pick(command('!rogatory status'), '@bot:x', now)!;
		const reply = hook.reply(picked);
		if (!reply.ok) throw new Error(reply.error);
		expect(Object.keys(reply.value).sort()).toEqual(['body', 'm.mentions', 'msgtype']);
		expect(reply.value.msgtype).toBe('m.notice');
		expect(reply.value.body).toContain('Estado: En ejecución');
		expect(reply.value.body).toContain(
			'Autoridad requerida: Central Authority Unit, Federal Ministry of Justice of Nigeria, referencia \u2068CA/MLA/2025/041\u2069',
		);
		expect(reply.value.body).toContain('Eventos rechazados: 2');
		expect(JSON.stringify(reply.value)).not.toContain('org.rogatory');
	});

	it('lists the answer-by date against today in the authority’s legal time zone', () => {
		const { hook, now } = setup();
		const reply = hook.reply(hook.pick(command('!rogatory plazos'), '@bot:x', now)!);
		expect(reply.ok && reply.value.body).toBe(
			'Próximos plazos (fechas en America/Guatemala)\n- Responder antes del 2026-03-31: quedan 11 días',
		);
		expect(calendarDate(now, 'America/Guatemala')).toBe('2026-03-20');
	});

	it('answers in an unopened room in the bot’s own language, and reports a register it cannot read', () => {
		const { hook, register, now } = setup();
		const elsewhere = { ...hook.pick(command('!rogatory status'), '@bot:x', now)!, room: '!nothing:matrix.mp.gt.rogatory.example' };
		const reply = hook.reply(elsewhere);
		expect(reply.ok && reply.value.body).toBe(
			'Estado de la solicitud\nTodavía no se ha abierto ninguna solicitud en esta sala.\nEventos rechazados: 0',
		);
		register.close();
		registers.pop();
		expect(hook.reply(elsewhere).ok).toBe(false);
	});

	it('names the roster it runs in help, in the room’s language', () => {
		const { hook, now } = setup();
		const reply = hook.reply(hook.pick(command('!rogatory ayuda'), '@bot:x', now)!);
		expect(reply.ok && reply.value.body.split('\n').at(-1)).toBe(
			`Este puente usa la versión 12 de la lista de miembros (SHA-256 ${'c0ffee'.padEnd(64, '0')}).`,
		);
	});

	it('turns an identity approval into a recorded approval only for a central-authority officer or administrator', () => {
		const { hook, now } = setup();
		const picked = (sender: typeof ANA) => hook.pick(command('!rogatory trust @amina.bello:ng', sender), '@bot:x', now);
		const byOfficer = picked(CARLOS);
		expect(byOfficer?.request).toEqual({ name: 'trust', user: '@amina.bello:ng' });
		expect(hook.approval?.(byOfficer!)).toEqual({ user: '@amina.bello:ng', by: CARLOS, at: command('').originServerTs, eventId: '$cmd' });
		// A prosecutor of the same authority gets an answer, not an approval.
		const byProsecutor = picked(ANA);
		expect(byProsecutor).toBeDefined();
		expect(hook.approval?.(byProsecutor!)).toBeUndefined();
		expect(hook.reply(byProsecutor!)).toMatchObject({
			ok: true,
			value: { body: expect.stringContaining('Solo los funcionarios de la autoridad central') as unknown },
		});
	});
});
