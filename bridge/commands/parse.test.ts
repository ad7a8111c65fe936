import { describe, expect, it } from 'vitest';
import { commandIn, readCommandLine } from './parse.ts';

const text = (body: string, extra: Record<string, unknown> = {}) => ({ msgtype: 'm.text', body, ...extra });
const SELF = '@bot:gt';
const ANA = '@ana:gt';

describe('commandIn', () => {
	it('reads the canonical commands and their localized words', () => {
		expect(commandIn(text('!rogatory status'), ANA, SELF)).toEqual({ name: 'status' });
		expect(commandIn(text('  !Rogatory   DEADLINES  please'), ANA, SELF)).toEqual({ name: 'deadlines' });
		expect(commandIn(text('!rogatory estado'), ANA, SELF)).toEqual({ name: 'status' });
		expect(commandIn(text('!rogatory delais'), ANA, SELF)).toEqual({ name: 'deadlines' });
		expect(commandIn(text('!rogatory délais'), ANA, SELF)).toEqual({ name: 'deadlines' });
		expect(commandIn(text('!rogatory сроки'), ANA, SELF)).toEqual({ name: 'deadlines' });
		expect(commandIn(text('!rogatory помощь'), ANA, SELF)).toEqual({ name: 'help' });
	});

	it('reads an identity approval with the Matrix ID it names, in any language; a malformed or missing ID reads as none', () => {
		expect(commandIn(text('!rogatory trust @amina:ng.example'), ANA, SELF)).toEqual({ name: 'trust', user: '@amina:ng.example' });
		expect(commandIn(text('!rogatory одобрить @amina:127.0.20.2:28448'), ANA, SELF)).toEqual({
			name: 'trust',
			user: '@amina:127.0.20.2:28448',
		});
		expect(commandIn(text('!rogatory approuver'), ANA, SELF)).toEqual({ name: 'trust', user: undefined });
		expect(commandIn(text('!rogatory aprobar amina'), ANA, SELF)).toEqual({ name: 'trust', user: undefined });
	});

	it('reads a bare prefix as help and an unknown word as unknown', () => {
		expect(commandIn(text('!rogatory'), ANA, SELF)).toEqual({ name: 'help' });
		expect(commandIn(text('!rogatory frobnicate now'), ANA, SELF)).toEqual({ name: 'unknown', word: 'frobnicate' });
	});

	it('ignores what is no command: other text, the bot itself, notices, case events, edits and replies', () => {
		expect(commandIn(text('hello !rogatory status'), ANA, SELF)).toBeUndefined();
		expect(commandIn(text('!rogatorystatus'), ANA, SELF)).toBeUndefined();
		expect(commandIn(text('!rogatory status'), SELF, SELF)).toBeUndefined();
		expect(commandIn({ msgtype: 'm.notice', body: '!rogatory status' }, ANA, SELF)).toBeUndefined();
		expect(commandIn(text('!rogatory status', { 'org.rogatory.case': { v: 1 } }), ANA, SELF)).toBeUndefined();
		expect(commandIn(text('!rogatory status', { 'm.new_content': text('!rogatory status') }), ANA, SELF)).toBeUndefined();
		expect(commandIn(text('!rogatory status', { 'm.relates_to': { 'm.in_reply_to': { event_id: '$x' } } }), ANA, SELF)).toBeUndefined();
		expect(commandIn('!rogatory status', ANA, SELF)).toBeUndefined();
		expect(commandIn({ msgtype: 'm.text' }, ANA, SELF)).toBeUndefined();
	});

	it('reads only the first line', () => {
		expect(readCommandLine('!rogatory help\n!rogatory status')).toEqual({ name: 'help' });
		expect(readCommandLine('thanks\n!rogatory status')).toBeUndefined();
	});
});
