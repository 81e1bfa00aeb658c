import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../../core/errors.js';

/**
 * Passes bytes through unchanged while checking, as they stream, that the file is well-formed UTF-8, that no
 * physical line is longer than `maxLineBytes` and that the whole stays under `maxFileBytes` (the file may grow
 * after it was measured). It keeps a few counters, never the data, so the checks cost no memory.
 *
 * GTFS requires UTF-8. A CP949 or Latin-1 file must be refused, not guessed at: such bytes can decode "without
 * error" in the wrong encoding and give wrong names.
 */
export class Utf8LineGuard extends Transform {
  private need = 0; // continuation bytes still expected
  private lower = 0x80; // allowed range of the next continuation byte
  private upper = 0xbf;
  private lead = 0; // first byte of the character being read, and where it was, for the error message
  private leadAt = 0;
  private line = 1;
  private lineBytes = 0;
  private total = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: { maxLineBytes: number; maxFileBytes: number },
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.total += chunk.length;
    if (this.total > this.limits.maxFileBytes) return callback(this.tooLarge());
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.need > 0) {
        if (b < this.lower || b > this.upper) return callback(this.invalid(this.lead, this.leadAt));
        this.lower = 0x80;
        this.upper = 0xbf;
        this.need--;
      } else if (b === 0x0a) {
        this.line++;
        this.lineBytes = 0;
        continue;
      } else if (b >= 0x80) {
        [this.lead, this.leadAt] = [b, this.lineBytes + 1];
        // Lead bytes of RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
        if (b >= 0xc2 && b <= 0xdf) this.need = 1;
        else if (b === 0xe0) [this.need, this.lower] = [2, 0xa0];
        else if (b === 0xed) [this.need, this.upper] = [2, 0x9f];
        else if (b >= 0xe1 && b <= 0xef) this.need = 2;
        else if (b === 0xf0) [this.need, this.lower] = [3, 0x90];
        else if (b === 0xf4) [this.need, this.upper] = [3, 0x8f];
        else if (b >= 0xf1 && b <= 0xf3) this.need = 3;
        else return callback(this.invalid(b, this.lineBytes + 1));
      }
      if (++this.lineBytes > this.limits.maxLineBytes) return callback(this.tooLong());
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback) {
    callback(this.need > 0 ? this.truncated() : null);
  }

  private invalid(byte: number, at: number) {
    return new AppError(
      'gtfs.encoding',
      `${this.fileName} is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${this.line}, ` +
        `byte ${at} of the line, does not start a valid character (Latin-1 or CP949?). GTFS files must be UTF-8; ` +
        'convert the file (for example with iconv) and try again.',
      422,
      { file: this.fileName, line: this.line },
    );
  }

  private truncated() {
    return new AppError(
      'gtfs.encoding',
      `${this.fileName} is not valid UTF-8: it ends in the middle of a character on line ${this.line}. GTFS files must be UTF-8.`,
      422,
      { file: this.fileName, line: this.line },
    );
  }

  private tooLong() {
    return new AppError(
      'gtfs.line_too_long',
      `${this.fileName} line ${this.line} is longer than ${this.limits.maxLineBytes} bytes; refusing the file (no GTFS record is that long).`,
      413,
      { file: this.fileName, line: this.line, limit: this.limits.maxLineBytes },
    );
  }

  private tooLarge() {
    return new AppError('gtfs.file_too_large', `${this.fileName} is larger than ${this.limits.maxFileBytes} bytes; refusing it.`, 413, {
      file: this.fileName,
      limit: this.limits.maxFileBytes,
    });
  }
}
