/** What one read of a text file's bytes found (scan-bytes.mjs). */
export interface Scan {
  size: number;
  /** The first SAMPLE_BYTES bytes. */
  head: Buffer;
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null;
  utf8: boolean;
  /** Offset of the first byte that breaks UTF-8 (-1 when the file is UTF-8). */
  firstBadOffset: number;
  /** Bytes around the first failure (null when the file is UTF-8). */
  badWindow: Buffer | null;
}

export interface UploadScan {
  scan: Scan;
  sha256: string;
  replacementSeen: boolean;
  /** Line ends shaped like trailing delimiters (null when no delimiter was given). */
  trailingCount: number | null;
}

export declare const SAMPLE_BYTES: number;
/** Bytes at the end of `buf` that start a UTF-8 sequence it does not finish. */
export declare function incompleteTail(buf: Buffer): number;
export declare function scanFile(file: string, onChunk?: (chunk: Buffer) => void): Promise<Scan>;
export declare function replacementScanner(): { seen: boolean; feed(chunk: Buffer): void };
export declare function trailingDelimiterScanner(delimiter: string): { count: number; feed(chunk: Buffer): void; finish(): void };
export declare function scanUpload(file: string, delimiter: string | null): Promise<UploadScan>;
