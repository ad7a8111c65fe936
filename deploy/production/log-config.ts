// Production logging: daily-rotated files kept for two weeks, WARNING and
// above flushed at once (Synapse's recommended buffered set-up).
export function productionLogConfig(logPath: string): Record<string, unknown> {
	return {
		version: 1,
		formatters: {
			precise: { format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s' },
		},
		handlers: {
			file: {
				class: 'logging.handlers.TimedRotatingFileHandler',
				formatter: 'precise',
				filename: logPath,
				when: 'midnight',
				backupCount: 14,
				encoding: 'utf8',
			},
			buffer: {
				class: 'synapse.logging.handlers.PeriodicallyFlushingMemoryHandler',
				target: 'file',
				capacity: 10,
				flushLevel: 30,
				period: 5,
			},
		},
		loggers: { 'synapse.storage.SQL': { level: 'WARNING' } },
		root: { level: 'INFO', handlers: ['buffer'] },
		disable_existing_loggers: false,
	};
}
