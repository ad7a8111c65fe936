import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bridgeUserId } from '../roster/bridge.ts';
import { GUATEMALA, NIGERIA } from '../roster/testing/demo.ts';
import { ALERT_STEP_TYPE, alertStepContent, alertStepsOf, parseAlertStep, type AlertStepEnvelope } from './step-event.ts';

const BRIDGE = bridgeUserId(NIGERIA.homeserver);
const TUNDE = `@tunde.adeyemi:${NIGERIA.homeserver}`;
const AMINA = `@amina.bello:${NIGERIA.homeserver}`;
const T = Date.UTC(2026, 11, 4, 9);
const ROOM = '!case:gt.example';

const step0 = alertStepContent({ kind: 'urgent-request', id: ROOM }, { step: 0, as: 'on-call', recipients: [TUNDE] }, T);
const step1 = alertStepContent({ kind: 'urgent-request', id: ROOM }, { step: 1, as: 'officers', recipients: [AMINA] }, T + 30 * 60_000);
const event = (eventId: string, content: unknown, extra: Partial<AlertStepEnvelope> = {}): AlertStepEnvelope => ({
	eventId,
	sender: BRIDGE,
	type: ALERT_STEP_TYPE,
	content,
	counts: true,
	...extra,
});

describe('the alert step event', () => {
	it('says which alert, which step, whom it told as what, and when — and reads back as sent', () => {
		expect(step0).toEqual({ v: 1, kind: 'urgent-request', alert: ROOM, step: 0, as: 'on-call', told: [TUNDE], at: T });
		expect(parseAlertStep(JSON.parse(JSON.stringify(step0)))).toEqual(step0);
	});

	it('reads the example of docs/case-events.md, section 9', () => {
		const doc = readFileSync(new URL('../../docs/case-events.md', import.meta.url), 'utf8');
		const example = /## 9\. Alert steps[\s\S]*?```json alert-step\n([\s\S]*?)\n```/.exec(doc)?.[1];
		// NOTE: a `json alert-step` fence: the case-event and preservation docs tests read `json` and `jsonc` fences.
		expect(parseAlertStep(JSON.parse(example ?? 'null'))).toMatchObject({
			kind: 'preservation-lapsing',
			step: 0,
			as: 'on-call',
		});
	});

	it('reads nothing odd: another version, an unknown role, no one told, a Matrix ID that is not one, a fractional step', () => {
		expect(parseAlertStep({ ...step0, v: 2 })).toBeUndefined();
		expect(parseAlertStep({ ...step0, as: 'everyone' })).toBeUndefined();
		expect(parseAlertStep({ ...step0, told: [] })).toBeUndefined();
		expect(parseAlertStep({ ...step0, told: ['tunde'] })).toBeUndefined();
		expect(parseAlertStep({ ...step0, step: 0.5 })).toBeUndefined();
		expect(parseAlertStep(null)).toBeUndefined();
	});
});

describe('the steps a reader shows', () => {
	it('are its own bridge’s, oldest first, each once', () => {
		const steps = alertStepsOf([event('$2', step1), event('$1', step0), event('$1b', step0)], BRIDGE);
		expect(steps.map((s) => [s.eventId, s.step, s.as, s.told])).toEqual([
			['$1', 0, 'on-call', [TUNDE]],
			['$2', 1, 'officers', [AMINA]],
		]);
	});

	it('ignores a forgery: the same event from a member’s account, from the other authority’s bridge, or one the trust rule refused', () => {
		expect(
			alertStepsOf(
				[
					event('$m', step0, { sender: AMINA }),
					event('$o', step0, { sender: bridgeUserId(GUATEMALA.homeserver) }),
					event('$u', step0, { counts: false }),
					event('$t', step0, { type: 'm.room.message' }),
				],
				BRIDGE,
			),
		).toEqual([]);
	});
});
