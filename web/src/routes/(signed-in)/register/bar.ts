// One bar of a register chart (BarChart.svelte) and its table row.
export interface Bar {
	readonly key: string;
	readonly label: string;
	readonly value: number;
	/** A shorter label for the chart (a network's code), when the label is long; the table keeps the full one. */
	readonly short?: string;
	/** How the value reads (e.g. "12 d"); the number itself by default. */
	readonly text?: string;
}
