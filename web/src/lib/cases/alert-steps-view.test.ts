// "Who was alerted" on the case page: one line per person told, oldest first,
// each step's kind and role in the viewer's language.
import { describe, expect, it } from 'vitest';
import { ALERT_STEP_TYPE, alertStepContent, alertStepsOf, nextStep } from '#policies/alerts/index.ts';
import { bridgeUserId } from '#policies/roster/bridge.ts';
import { NIGERIA } from '#policies/roster/testing/demo.ts';
import { LANGUAGES } from '#policies/roster/types.ts';
import en from '../../../messages/acknowledgements/en.json' with { type: 'json' };
import es from '../../../messages/acknowledgements/es.json' with { type: 'json' };
import fr from '../../../messages/acknowledgements/fr.json' with { type: 'json' };
import pt from '../../../messages/acknowledgements/pt.json' with { type: 'json' };
import ru from '../../../messages/acknowledgements/ru.json' with { type: 'json' };
import { alertAckLines, alertKindLabel, alertRoleLabel, alertStepLines } from './alert-steps-view.ts';

const BRIDGE = bridgeUserId(NIGERIA.homeserver);
const user = (l: string) => `@${l}:${NIGERIA.homeserver}`;
const T = Date.UTC(2026, 11, 4, 9);
const envelope = (eventId: string, content: unknown, sender = BRIDGE) => ({
	eventId,
	sender,
	type: ALERT_STEP_TYPE,
	content,
	counts: true,
});

describe('who was alerted', () => {
	const steps = alertStepsOf(
		[
			envelope(
				'$2',
				alertStepContent({ kind: 'urgent-request', id: '!r' }, { step: 1, as: 'officers', recipients: [user('o1'), user('o2')] }, T + 1),
			),
			envelope('$1', alertStepContent({ kind: 'urgent-request', id: '!r' }, { step: 0, as: 'on-call', recipients: [user('tunde')] }, T)),
			// A member's account sending the same event is not shown.
			envelope(
				'$f',
				alertStepContent({ kind: 'urgent-request', id: '!r' }, { step: 2, as: 'officers', recipients: [user('amina')] }, T + 2),
				user('amina'),
			),
		],
		BRIDGE,
	);

	it('is one line per person told, oldest first, and none from a forger', () => {
		expect(alertStepLines(steps).map((l) => [l.role, l.userId, l.at])).toEqual([
			['on-call', user('tunde'), T],
			['officers', user('o1'), T + 1],
			['officers', user('o2'), T + 1],
		]);
		expect(new Set(alertStepLines(steps).map((l) => l.key)).size).toBe(3);
	});

	it('names each role and kind in all five languages, none of them English but on the English page', () => {
		for (const role of ['on-call', 'next-on-duty', 'officers'] as const) {
			const labels = LANGUAGES.map((l) => alertRoleLabel(role, l));
			expect(new Set(labels).size).toBe(5);
		}
		expect(alertRoleLabel('on-call', 'en')).toBe('24/7 focal point on call');
		expect(alertKindLabel('preservation-lapsing', 'en')).toBe(en.alert_kind_lapsing);
		for (const kind of ['urgent-request', 'preservation-lapsing'] as const)
			for (const l of LANGUAGES.filter((x) => x !== 'en')) expect(Object.values(en)).not.toContain(alertKindLabel(kind, l));
	});

	it('shows who has each alert in hand, only for the alerts whose steps are listed, with the alert’s kind', () => {
		const lapse = alertStepsOf(
			[
				envelope(
					'$l',
					alertStepContent({ kind: 'preservation-lapsing', id: '$p#1' }, { step: 0, as: 'on-call', recipients: [user('tunde')] }, T),
				),
			],
			BRIDGE,
		);
		const acks = [
			{ alert: '$p#1', by: user('amina'), at: T + 5 },
			{ alert: '$elsewhere#2', by: user('amina'), at: T + 6 },
		];
		expect(alertAckLines([...steps, ...lapse], acks)).toEqual([
			{ alert: '$p#1', by: user('amina'), at: T + 5, kind: 'preservation-lapsing' },
		]);
		expect(alertAckLines(steps, acks)).toEqual([]);
	});

	// The list's hint once said no one had acknowledged "in time": untrue of the first step, which goes with the alert
	// itself (an urgent request's on-call point is mailed at once), and read beside "Received by a person" once
	// someone has. It says only what holds for every step: it went while no one here had acknowledged.
	it('claims no missed deadline: the first step goes at the alert itself', () => {
		const due = nextStep([{ to: [user('tunde')], as: 'on-call' }], [], false, T, { ackWithinMinutes: 30 });
		expect(due).toMatchObject({ kind: 'due', index: 0, at: T });
		expect(en.alert_steps_hint).toMatch(/^While no one here had acknowledged it, /);
		const late = { en: /in time/i, es: /a tiempo/i, fr: /à temps/i, pt: /a tempo/i, ru: /вовремя/i };
		for (const [l, text] of Object.entries({ en, es, fr, pt, ru })) expect(text.alert_steps_hint).not.toMatch(late[l as keyof typeof late]);
	});
});
