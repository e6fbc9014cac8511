/**
 * A short list and how many there are in all, counting only when the list came back full: home's
 * blocks show a few rows of what is usually fewer, so the count is most often the rows themselves
 * and one statement is saved.
 */
export async function rowsAndTotal<Row>(take: number, rows: () => Promise<Row[]>, count: () => Promise<number>): Promise<{ rows: Row[]; total: number }> {
  const page = await rows();
  return { rows: page, total: page.length < take ? page.length : await count() };
}
