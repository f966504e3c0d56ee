import { CharstringFlattenError, flattenCharstring, type SubroutineSource } from './cff-flatten.ts';

/**
 * Makes a parsed fontkit CFF font write its subsets with flattened charstrings and no subroutine
 * indexes (see cff-flatten.ts for why). fontkit has no hook for this: we subclass the CFF subset class
 * its `createSubset()` returns and override the two steps that deal with subroutines. The shapes we
 * rely on are checked here; if a fontkit upgrade changes them, subsets are written fontkit's way
 * (slower, same drawing). A charstring we cannot flatten does the same for that one document.
 */

interface IndexEntry {
  offset: number;
  length: number;
}

interface PrivateDict {
  Subrs?: IndexEntry[] | null;
  [key: string]: unknown;
}

interface FontDict {
  Private?: PrivateDict | null;
  FontName?: unknown;
  [key: string]: unknown;
}

interface TopDict {
  FDArray?: FontDict[];
  FDSelect?: unknown;
  Private?: PrivateDict | null;
  [key: string]: unknown;
}

interface ParsedCff {
  stream: { pos: number; readBuffer(length: number): Uint8Array };
  globalSubrIndex: IndexEntry[];
  topDict: TopDict;
  fdForGlyph(gid: number): number | null;
  getCharString(gid: number): Uint8Array;
}

interface CffSubset {
  cff: ParsedCff;
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  subsetCharstrings(): void;
  subsetFontdict(topDict: TopDict): void;
  createCIDFontdict(topDict: TopDict): unknown;
}

type CffSubsetClass = new (font: unknown) => CffSubset;

interface ParsedFont {
  createSubset(): unknown;
  'CFF '?: unknown;
}

function isCffSubsetClass(candidate: unknown): candidate is CffSubsetClass {
  const prototype = (candidate as { prototype?: Partial<CffSubset> } | undefined)?.prototype;
  return (
    typeof prototype?.subsetCharstrings === 'function' &&
    typeof prototype.subsetFontdict === 'function' &&
    typeof prototype.createCIDFontdict === 'function'
  );
}

function subroutines(cff: ParsedCff, entries: IndexEntry[] | null | undefined): SubroutineSource | null {
  if (!entries) return null;
  const read = new Map<number, Uint8Array>();
  return {
    count: entries.length,
    read(index) {
      let bytes = read.get(index);
      if (!bytes) {
        const entry = entries[index]!;
        cff.stream.pos = entry.offset;
        bytes = cff.stream.readBuffer(entry.length);
        read.set(index, bytes);
      }
      return bytes;
    },
  };
}

function withoutSubroutines(privateDict: PrivateDict | null | undefined): PrivateDict | null {
  return privateDict ? { ...privateDict, Subrs: null } : null;
}

/** Returns true when the font's subsets are now flattened. */
export function useFlattenedSubsets(font: unknown): boolean {
  const parsed = font as Partial<ParsedFont> | null;
  if (!parsed || typeof parsed.createSubset !== 'function' || !parsed['CFF ']) return false;
  const Base = (parsed.createSubset() as { constructor?: unknown }).constructor;
  if (!isCffSubsetClass(Base)) return false;

  class FlattenedCffSubset extends Base {
    private flattened = false;

    override subsetCharstrings(): void {
      const cff = this.cff;
      const globals = subroutines(cff, cff.globalSubrIndex) ?? { count: 0, read: () => new Uint8Array() };
      const locals = new Map<number | null, SubroutineSource | null>();
      const localsFor = (fd: number | null) => {
        if (!locals.has(fd)) {
          const privateDict = fd === null ? cff.topDict.Private : cff.topDict.FDArray?.[fd]?.Private;
          locals.set(fd, subroutines(cff, privateDict?.Subrs));
        }
        return locals.get(fd)!;
      };
      try {
        this.charstrings = this.glyphs.map((gid) =>
          flattenCharstring(cff.getCharString(gid), globals, localsFor(cff.fdForGlyph(gid) ?? null)),
        );
        this.gsubrs = [];
        this.flattened = true;
      } catch (error) {
        if (!(error instanceof CharstringFlattenError)) throw error;
        this.flattened = false;
        super.subsetCharstrings();
      }
    }

    /** fontkit's CID font dicts, minus the local subroutines (and without parsing every glyph for them). */
    override subsetFontdict(topDict: TopDict): void {
      if (!this.flattened) return super.subsetFontdict(topDict);
      const fdArray: FontDict[] = [];
      const fds: number[] = [];
      const used = new Map<number, number>();
      for (const gid of this.glyphs) {
        const fd = this.cff.fdForGlyph(gid);
        if (fd === null || fd === undefined) continue;
        let index = used.get(fd);
        if (index === undefined) {
          const dict: FontDict = { ...this.cff.topDict.FDArray![fd] };
          delete dict.FontName;
          dict.Private = withoutSubroutines(dict.Private);
          fdArray.push(dict);
          index = fdArray.length - 1;
          used.set(fd, index);
        }
        fds.push(index);
      }
      topDict.FDArray = fdArray;
      topDict.FDSelect = { version: 0, fds };
    }

    override createCIDFontdict(topDict: TopDict): unknown {
      if (!this.flattened) return super.createCIDFontdict(topDict);
      topDict.FDArray = [{ Private: withoutSubroutines(this.cff.topDict.Private) }];
      return (topDict.FDSelect = {
        version: 3,
        nRanges: 1,
        ranges: [{ first: 0, fd: 0 }],
        sentinel: this.charstrings.length,
      });
    }
  }

  parsed.createSubset = () => new FlattenedCffSubset(parsed);
  return true;
}
