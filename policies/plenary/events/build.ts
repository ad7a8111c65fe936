// Builds the content of a plenary event: the payload under PLENARY_KEY plus a
// readable English body for stock clients, as an `m.text` message (people
// send these; a stock client notifies for it). What it returns always
// passes parsePlenaryContent: the payload goes through the parser first, so
// an invalid one is refused here with the parser's reason, and any key a
// widened object carried is dropped.
import { err, ok, type Result } from '../../result.ts';
import type { PlenaryPayload } from '../types.ts';
import { PLENARY_KEY, PLENARY_LIMITS, PLENARY_VERSION } from './namespace.ts';
import { parsePlenaryContent } from './parse.ts';

/** One line a stock client shows, e.g. "Plenary announced: REFCO plenary 2026 (GT, 2026-11-03 – 2026-11-05, expert)". */
export function plenaryBody(payload: PlenaryPayload): string {
	switch (payload.type) {
		case 'plenary': {
			const p = payload.plenary;
			const title = p.title.en ?? Object.values(p.title)[0] ?? p.id;
			const what = p.cancelled ? 'Plenary cancelled' : 'Plenary';
			return `${what}: ${title} (${p.host}, ${p.start} – ${p.end}, ${p.level}, ${p.agenda.length} agenda items)`;
		}
		case 'attendance':
			return `Plenary ${payload.plenary}: ${payload.attending ? 'will attend' : 'will not attend'}`;
		case 'minutes':
			return `Plenary ${payload.plenary}: minutes posted`;
	}
}

const clip = (body: string): string => (body.length <= PLENARY_LIMITS.body ? body : `${body.slice(0, PLENARY_LIMITS.body - 1)}…`);

/** The `m.room.message` content that carries `payload`, or the parser's reason it is not valid. */
export function buildPlenaryContent(payload: PlenaryPayload): Result<Record<string, unknown>, string> {
	const checked = parsePlenaryContent({ msgtype: 'm.text', body: '-', [PLENARY_KEY]: { ...payload, version: PLENARY_VERSION } });
	if (!checked.ok) return err(checked.error);
	return ok({
		msgtype: 'm.text',
		body: clip(plenaryBody(checked.value)),
		'm.mentions': {},
		[PLENARY_KEY]: { version: PLENARY_VERSION, ...checked.value },
	});
}
