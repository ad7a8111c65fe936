// Builds the content of a preservation event: the payload under its key plus
// a readable body, as an `m.room.message` for the SDK to encrypt and send.
// What it returns always passes parsePreservationEvent. Never `m.relates_to`.
import { err, ok, type Result } from '../../result.ts';
import type { Language } from '../../roster/types.ts';
import { LIMITS } from '../../cases/vocabulary/limits.ts';
import { parsePreservationEvent } from './parse.ts';
import { renderPreservationBody } from './render.ts';
import type { PreservationContent, PreservationEvent, PreservationRejection } from './types.ts';
import { PRESERVATION_KEY, PRESERVATION_VERSION } from './vocabulary.ts';

export function buildPreservationContent(
	event: PreservationEvent,
	language: Language,
	msgtype: PreservationContent['msgtype'] = 'm.text',
): Result<PreservationContent, PreservationRejection> {
	// Round-trip through the validator: refuses invalid payloads and drops keys the vocabulary does not define.
	const checked = parsePreservationEvent({ msgtype, body: '-', [PRESERVATION_KEY]: { ...event, v: PRESERVATION_VERSION } });
	if (!checked.ok) return checked;
	const rendered = renderPreservationBody(checked.value, language);
	const body = rendered.length <= LIMITS.body ? rendered : `${rendered.slice(0, LIMITS.body - 1)}…`;
	if (body.trim().length === 0) return err({ code: 'malformed', reason: 'body: the renderer produced no text' });
	return ok({ msgtype, body, 'm.mentions': {}, [PRESERVATION_KEY]: { v: PRESERVATION_VERSION, ...checked.value } });
}
