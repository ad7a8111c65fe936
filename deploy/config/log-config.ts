// Synapse's logging for a local homeserver: to a file in its data folder,
// never the terminal (the supervisor prints the last lines when it matters).
// A size-rotated file keeps long-running `npm start`s from filling the disk.
export function logConfig(logPath: string): Record<string, unknown> {
	return {
		version: 1,
		formatters: {
			precise: { format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s' },
		},
		handlers: {
			file: {
				class: 'logging.handlers.RotatingFileHandler',
				formatter: 'precise',
				filename: logPath,
				maxBytes: 20_000_000,
				backupCount: 2,
				encoding: 'utf8',
			},
		},
		loggers: {
			// Every SQL statement at INFO would drown the rest.
			'synapse.storage.SQL': { level: 'WARNING' },
		},
		root: { level: 'INFO', handlers: ['file'] },
		disable_existing_loggers: false,
	};
}
