// Builds the content of a case event: the structured payload under the
// namespaced key plus a readable body, as an `m.room.message` ready for the
// SDK to encrypt and send. What it returns always passes parseCaseEvent.
// NOTE: never `m.relates_to`, never a state event (ARCHITECTURE.md, decision
// 2): relations and state are readable by every homeserver in the room; links
// between requests travel inside the encrypted payload instead.
import { err, ok, type Result } from '../../result.ts';
import type { BodyRenderer } from '../i18n/render.ts';
import { LIMITS } from '../vocabulary/limits.ts';
import { CASE_KEY, CASE_VERSION } from '../vocabulary/namespace.ts';
import { parseCaseEvent } from './parse.ts';
import { rejection, type Rejection } from './rejection.ts';
import type { CaseContent, CaseEvent } from './types.ts';

export interface BuildOptions {
	/**
	 * `m.text` (the default) for what people do in the UI; `m.notice` for
	 * automated senders such as the bridge.
	 * NOTE: the default push rule `.m.rule.suppress_notices` silences
	 * `m.notice`, so a counterpart on a stock client would not be notified of a
	 * status change sent as one; the spec reserves `m.notice` for automated
	 * clients, which must never answer it.
	 */
	readonly msgtype?: CaseContent['msgtype'];
}

function clip(body: string): string {
	return body.length <= LIMITS.body ? body : `${body.slice(0, LIMITS.body - 1)}…`;
}

/** The full content for `event`, its body written by `render`; a Rejection if the payload is not valid. */
export function buildCaseContent(event: CaseEvent, render: BodyRenderer, options: BuildOptions = {}): Result<CaseContent, Rejection> {
	const msgtype = options.msgtype ?? 'm.text';
	// Round-trip through the validator: refuses invalid payloads and drops any
	// key a widened object carried that the vocabulary does not define.
	const checked = parseCaseEvent({ msgtype, body: '-', [CASE_KEY]: { ...event, v: CASE_VERSION } });
	if (!checked.ok) return checked;
	const body = clip(render(checked.value));
	if (body.trim().length === 0) return err(rejection('malformed', 'body: the renderer produced no text'));
	return ok({ msgtype, body, 'm.mentions': {}, [CASE_KEY]: { v: CASE_VERSION, ...checked.value } });
}
