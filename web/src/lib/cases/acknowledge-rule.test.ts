// Whether the viewer may still say "I have it": once, whether the saying
// counts yet, waits in the outbox, or was echoed and is still being weighed.
import { describe, expect, it } from 'vitest';
import { echoedAcknowledgement, mayAcknowledge, OWN_EVENT_UNREAD, type AcknowledgeState } from './acknowledge-rule.ts';

const ME = '@amina.bello:ca.ng.example';
const fresh: AcknowledgeState = { side: 'requested', me: ME, acknowledgedBy: [], queued: false, echoed: false };

describe('may the viewer acknowledge', () => {
	it('on the requested side, not said yet: yes', () => {
		expect(mayAcknowledge(fresh)).toBe(true);
		expect(mayAcknowledge({ ...fresh, acknowledgedBy: ['@tunde.adeyemi:ca.ng.example'] })).toBe(true);
	});

	it('the requesting side, or no party: never', () => {
		expect(mayAcknowledge({ ...fresh, side: 'requesting' })).toBe(false);
		expect(mayAcknowledge({ ...fresh, side: undefined })).toBe(false);
	});

	it('said already, in the record or on its way: no', () => {
		expect(mayAcknowledge({ ...fresh, acknowledgedBy: [ME] })).toBe(false);
		expect(mayAcknowledge({ ...fresh, queued: true })).toBe(false);
	});

	it('echoed by the server but not counted yet (a page opened afresh, its own devices not weighed again): no — not said twice', () => {
		expect(mayAcknowledge({ ...fresh, echoed: true })).toBe(false);
	});

	it('an echoed event of the viewer’s not decrypted yet may be the acknowledgement: held until it is read', () => {
		expect(echoedAcknowledgement(new Set(['acknowledged']))).toBe(true);
		expect(echoedAcknowledgement(new Set([OWN_EVENT_UNREAD]))).toBe(true);
		expect(echoedAcknowledgement(new Set(['note', 'transition']))).toBe(false);
		expect(echoedAcknowledgement(new Set())).toBe(false);
		expect(echoedAcknowledgement(undefined)).toBe(false);
	});
});
