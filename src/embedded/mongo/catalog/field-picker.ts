/**
 * Decodes only some top-level fields of a stored document: their BSON elements are copied into a
 * small document of their own, which is then deserialized. A count, or the filter and sort keys of
 * a page, need a few fields of every document; decoding the whole of a practice (about 1.5 kB,
 * 25 fields) costs three times as much as walking its elements and decoding three of them.
 */
import { deserialize } from 'bson';

type Doc = Record<string, unknown>;

const READ_OPTIONS = { promoteValues: false } as const;

/** Where the value of an element of BSON type `type`, starting at `at`, ends. */
function valueEnd(bytes: Buffer, type: number, at: number): number {
  switch (type) {
    case 0x01: // double
    case 0x09: // UTC datetime
    case 0x11: // timestamp
    case 0x12: // int64
      return at + 8;
    case 0x02: // string
    case 0x0d: // JavaScript code
    case 0x0e: // symbol
      return at + 4 + bytes.readInt32LE(at);
    case 0x03: // document
    case 0x04: // array
    case 0x0f: // code with scope: its length counts itself
      return at + bytes.readInt32LE(at);
    case 0x05: // binary: length, subtype, bytes
      return at + 5 + bytes.readInt32LE(at);
    case 0x06: // undefined
    case 0x0a: // null
    case 0x7f: // max key
    case 0xff: // min key
      return at;
    case 0x07: // ObjectId
      return at + 12;
    case 0x08: // boolean
      return at + 1;
    case 0x0b: // regular expression: pattern and options, two C strings
      return bytes.indexOf(0, bytes.indexOf(0, at) + 1) + 1;
    case 0x0c: // DBPointer: string, ObjectId
      return at + 4 + bytes.readInt32LE(at) + 12;
    case 0x10: // int32
      return at + 4;
    case 0x13: // decimal128
      return at + 16;
    default:
      throw new Error(`unknown BSON element type 0x${type.toString(16)}`);
  }
}

export class FieldPicker {
  private readonly names: Buffer[];
  /** Reused for each picked document: deserialize copies every value out of it. */
  private scratch = Buffer.allocUnsafe(256);

  constructor(names: Iterable<string>) {
    this.names = [...new Set(names)].map((name) => Buffer.from(name, 'utf8'));
  }

  /** Compared byte by byte here: field names are short, and Buffer.compare's native call costs more. */
  private wanted(bytes: Buffer, nameStart: number, nameEnd: number): boolean {
    const length = nameEnd - nameStart;
    for (const name of this.names) {
      if (name.length !== length) continue;
      let i = 0;
      while (i < length && name[i] === bytes[nameStart + i]) i++;
      if (i === length) return true;
    }
    return false;
  }

  /** The document `bytes` with only the picked fields, in their stored order. */
  read(bytes: Buffer): Doc {
    const last = bytes.length - 1;
    let size = 5;
    let at = 4;
    while (at < last) {
      const start = at;
      // A JS loop, not indexOf: names are a few bytes, where the native call costs more.
      let nameEnd = at + 1;
      while (bytes[nameEnd] !== 0) nameEnd++;
      at = valueEnd(bytes, bytes[start], nameEnd + 1);
      if (!this.wanted(bytes, start + 1, nameEnd)) continue;
      if (this.scratch.length < size + at - start + 1) {
        const grown = Buffer.allocUnsafe(2 * (size + at - start + 1));
        this.scratch.copy(grown, 0, 0, size);
        this.scratch = grown;
      }
      bytes.copy(this.scratch, size - 1, start, at);
      size += at - start;
    }
    this.scratch.writeInt32LE(size, 0);
    this.scratch[size - 1] = 0;
    return deserialize(this.scratch.subarray(0, size), READ_OPTIONS);
  }
}
