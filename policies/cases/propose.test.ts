import { describe, expect, it } from 'vitest';
import { status } from './ids/codes.ts';
import type { TransitionId } from './ids/case.ts';
import { buildCaseContent } from './events/build.ts';
import { foldCase } from './fold/fold.ts';
import type { OpenedCase } from './fold/types.ts';
import { rendererFor } from './i18n/render.ts';
import { AMINA, ANA, CONTEXT, envelope, move, opening, ROOT, TUNDE } from './testing/fixtures.ts';
import { MLA_WORKFLOW } from './workflows/mla.ts';
import { availableMoves, proposeSettlement, proposeTransition } from './propose.ts';

const sent = foldCase([opening(), envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent'))], CONTEXT) as OpenedCase;

describe('proposeTransition', () => {
	it('builds a move that follows the head, which the fold then applies', () => {
		const proposed = proposeTransition(sent, MLA_WORKFLOW, 'requested', status('received'));
		expect(proposed).toEqual({ ok: true, value: { type: 'transition', follows: '$t1', from: 'sent', to: 'received' } });
		if (!proposed.ok) return;
		const built = buildCaseContent(proposed.value, rendererFor('en'));
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		const after = foldCase(
			[
				opening(),
				envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')),
				{ eventId: '$t2' as never, sender: AMINA, originServerTs: 3000, content: built.value },
			],
			CONTEXT,
		);
		expect(after.opened && after.status).toBe('received');
	});

	it('refuses what the fold would refuse, with the same codes', () => {
		expect(proposeTransition(sent, MLA_WORKFLOW, 'requesting', status('received'))).toMatchObject({
			ok: false,
			error: { code: 'wrong-side' },
		});
		expect(proposeTransition(sent, MLA_WORKFLOW, 'requested', status('executed'))).toMatchObject({
			ok: false,
			error: { code: 'not-allowed' },
		});
		expect(proposeTransition(sent, MLA_WORKFLOW, 'requested', status('returned'), '  ')).toMatchObject({
			ok: false,
			error: { code: 'reason-required' },
		});
		expect(proposeTransition(sent, MLA_WORKFLOW, 'requested', status('returned'), 'No translation attached').ok).toBe(true);
	});

	it('offers no moves while a conflict is unsettled, and builds the settlement', () => {
		const conflicted = foldCase(
			[
				opening(),
				envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')),
				envelope('$a', AMINA, 3000, move('$t1', 'sent', 'received')),
				envelope('$b', TUNDE, 3000, move('$t1', 'sent', 'returned', 'Unsigned')),
			],
			CONTEXT,
		) as OpenedCase;
		expect(availableMoves(conflicted, MLA_WORKFLOW, 'requested')).toEqual([]);
		expect(availableMoves(sent, MLA_WORKFLOW, 'requested').map((r) => r.to)).toEqual(['received', 'returned', 'forwarded']);
		expect(proposeTransition(conflicted, MLA_WORKFLOW, 'requested', status('received'))).toMatchObject({
			ok: false,
			error: { code: 'unsettled-conflict' },
		});
		expect(proposeSettlement(conflicted, '$b' as TransitionId, 'Agreed: return it')).toEqual({
			ok: true,
			value: { type: 'settled', conflictAt: '$t1', chosen: '$b', to: 'returned', reason: 'Agreed: return it' },
		});
		expect(proposeSettlement(conflicted, '$t1' as TransitionId, 'x')).toMatchObject({ ok: false, error: { code: 'not-a-candidate' } });
		expect(proposeSettlement(sent, '$t1' as TransitionId, 'x')).toMatchObject({ ok: false, error: { code: 'no-conflict' } });
	});
});
