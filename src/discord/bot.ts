export async function startBot(_: unknown): Promise<void> { throw new Error('todo'); }
