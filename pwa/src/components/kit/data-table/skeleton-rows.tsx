/** The data table while its rows load: a few placeholder rows under the real header, so the page does not jump. */
export function SkeletonRows({ columns, rows }: { columns: number; rows: number }) {
	return (
		<>
			{Array.from({ length: rows }, (_, row) => (
				<tr key={row} class="kit-table-skeleton">
					{Array.from({ length: columns }, (_, cell) => (
						<td key={cell}>
							<div class="skeleton skeleton-line" aria-hidden="true" />
						</td>
					))}
				</tr>
			))}
		</>
	);
}
