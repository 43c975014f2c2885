import { KNOWLEDGE_LIMITS } from '../knowledge/limits.js';

/** An attached file as both transports see it (gateway: `Attachment`; HTTP: the resolved attachment). */
export interface AttachedFile {
  url: string;
  size: number;
  contentType?: string | null;
}

/**
 * The text of an attached file, or '' for one that is not a bounded UTF-8 text file (the command
 * then asks for one, or names the limit). Fetched from Discord's CDN, within the report size limit.
 */
export async function readAttachment(file: AttachedFile): Promise<string> {
  if (file.size > KNOWLEDGE_LIMITS.reportBytes) return '';
  if (file.contentType && !isTextType(file.contentType)) return '';
  try {
    const response = await fetch(file.url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return '';
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > KNOWLEDGE_LIMITS.reportBytes) return '';
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}

/** Text as Discord labels it: text/*, and YAML or JSON, which it may label application/… */
function isTextType(contentType: string): boolean {
  return /^text\/|^application\/(?:x-)?(?:yaml|json)\b/.test(contentType);
}
