import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientOpening, clientStopping, quietenGlobalLogger, quietLogger } from './logger.ts';

describe('the SDK logger in the browser', () => {
	afterEach(() => {
		clientOpening();
		vi.restoreAllMocks();
	});

	it('drops the chatter and keeps errors and warnings', () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
		const logger = quietLogger().getChild('[sync]');
		logger.debug('chatter');
		logger.info('chatter');
		logger.warn('slow');
		logger.error('broken');
		expect(debug).not.toHaveBeenCalled();
		expect(warn).toHaveBeenCalledWith('[matrix[sync]]', 'slow');
		expect(error).toHaveBeenCalledWith('[matrix[sync]]', 'broken');
	});

	it('says what a stopped client abandoned at debug level, until a client opens again', () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
		const logger = quietLogger();
		clientStopping();
		logger.error('Error passing sync changes to the crypto layer');
		expect(error).not.toHaveBeenCalled();
		expect(debug).toHaveBeenCalledWith('[after stop]', '[matrix]', 'Error passing sync changes to the crypto layer');
		clientOpening();
		logger.error('broken');
		expect(error).toHaveBeenCalledWith('[matrix]', 'broken');
	});

	it('filters the global logger the same way, and its methods still see their own logger', () => {
		const said: string[] = [];
		const root = {
			prefix: '[crypto]',
			methodFactory: (method: string) =>
				function (this: { prefix: string }, ...message: unknown[]) {
					said.push(`${method} ${this.prefix} ${message.join(' ')}`);
				},
			rebuild() {
				for (const method of ['debug', 'warn', 'error']) Object.assign(this, { [method]: this.methodFactory(method) });
			},
		};
		quietenGlobalLogger(root);
		const logged = root as unknown as Record<'debug' | 'warn' | 'error', (message: string) => void>;
		logged.debug('chatter');
		logged.warn('slow');
		clientStopping();
		logged.error('aborted');
		expect(said).toEqual(['warn [crypto] slow']);
	});
});
