// How far the crypto's WebAssembly download has come, for a progress bar
// that shows real bytes: the answer's body counted as it streams into the
// compiler, against the file's size (known at build: the bytes the body
// decodes to, whatever encoding crossed the line). Listeners hear every
// change; a late one hears the latest at once.

export interface CryptoDownload {
	/** Bytes of the WebAssembly received so far (decoded). */
	readonly loaded: number;
	/** The file's size, when the build knows it. */
	readonly total: number | undefined;
	readonly done: boolean;
}

export type DownloadListener = (download: CryptoDownload) => void;

export class DownloadWatch {
	#latest: CryptoDownload;
	readonly #listeners = new Set<DownloadListener>();

	constructor(total: number | undefined) {
		this.#latest = { loaded: 0, total, done: false };
	}

	get latest(): CryptoDownload {
		return this.#latest;
	}

	watch(listener: DownloadListener): () => void {
		this.#listeners.add(listener);
		listener(this.#latest);
		return () => void this.#listeners.delete(listener);
	}

	report(download: CryptoDownload): void {
		this.#latest = download;
		for (const listener of this.#listeners) listener(download);
	}

	/**
	 * The same answer, its body counted as it is read. Status and headers are
	 * kept (WebAssembly's streaming compiler wants `application/wasm`).
	 */
	counted(response: Response): Response {
		if (response.body === null || !response.ok) return response;
		let loaded = 0;
		const total = this.#latest.total;
		const body = response.body.pipeThrough(
			new TransformStream<Uint8Array, Uint8Array>({
				transform: (chunk, controller) => {
					loaded += chunk.byteLength;
					this.report({ loaded, total, done: false });
					controller.enqueue(chunk);
				},
				flush: () => this.report({ loaded, total: total ?? loaded, done: true }),
			}),
		);
		return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
	}
}

/** Whole percent of a download, when its size is known. */
export function downloadPercent(download: CryptoDownload): number | undefined {
	if (download.done) return 100;
	if (download.total === undefined || download.total <= 0) return undefined;
	return Math.min(99, Math.floor((download.loaded / download.total) * 100));
}
