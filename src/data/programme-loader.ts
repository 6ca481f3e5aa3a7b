import { readText } from './pack-read.ts';
import type { PackSource } from './pack-source.ts';
import type { Problem } from './problem.ts';
import { parseDocument, parseList } from './programme-parse.ts';
import type { ProgrammeFiles } from './programme-references.ts';
import {
  CATEGORY_SCHEMA,
  committeeSchema,
  indicatorSchema,
  meetingSchema,
  type Programme,
} from './programme-schema.ts';
import { EMPTY_PROGRAMME } from './region-pack.ts';

export interface LoadedProgramme {
  programme: Programme;
  problems: Problem[];
  /** Items left out for their own problems. */
  rejected: Set<string>;
  /** Documents that could not be read at all: references into them are not reported again. */
  unreadable: Set<keyof ProgrammeFiles>;
}

/** The file's text, or null with its problem added (pack-read.ts readText). */
async function readTextOrNote(
  source: PackSource,
  file: string,
  problems: Problem[],
  signal?: AbortSignal,
): Promise<string | null> {
  const read = await readText(source, file, signal);
  if ('text' in read) return read.text;
  problems.push(read.unreadable);
  return null;
}

/**
 * Reads the programme documents the manifest names (committees, indicators, meetings); each is
 * optional. References between them and to the layers are checked by programme-references.ts once
 * the layers are read. Never throws for bad data; rethrows only an abort.
 */
export async function loadProgramme(
  source: PackSource,
  files: ProgrammeFiles,
  signal?: AbortSignal,
): Promise<LoadedProgramme> {
  const problems: Problem[] = [];
  const rejected = new Set<string>();
  const unreadable = new Set<keyof ProgrammeFiles>();
  const programme: Programme = { ...EMPTY_PROGRAMME };
  const read = async (key: keyof ProgrammeFiles) => {
    const file = files[key];
    if (file === undefined) return null;
    const text = await readTextOrNote(source, file, problems, signal);
    const doc = text === null ? null : parseDocument(file, text);
    if (doc) problems.push(...doc.problems);
    if (!doc?.root) {
      unreadable.add(key);
      return null;
    }
    return { file, root: doc.root };
  };
  const [committees, indicators, meetings] = await Promise.all([
    read('committees'),
    read('indicators'),
    read('meetings'),
  ]);
  const keep = <T>(list: { items: T[]; rejectedIds: Set<string> }): T[] => {
    for (const id of list.rejectedIds) rejected.add(id);
    return list.items;
  };
  if (committees) {
    programme.committees = keep(
      parseList(committees.file, committees.root, 'committees', committeeSchema, problems, true),
    );
  }
  if (indicators) {
    const { file, root } = indicators;
    programme.categories = keep(parseList(file, root, 'categories', CATEGORY_SCHEMA, problems, true));
    programme.indicators = keep(parseList(file, root, 'indicators', indicatorSchema, problems, true));
    const asOf = root.asOf;
    if (typeof asOf === 'string' && /^\d{4}-\d\d-\d\d$/.test(asOf)) programme.indicatorsAsOf = asOf;
    else if (asOf !== undefined)
      problems.push({
        severity: 'error',
        file,
        rule: 'schema',
        message: 'asOf: must be an ISO date, YYYY-MM-DD',
      });
  }
  if (meetings) {
    programme.meetings = keep(
      parseList(meetings.file, meetings.root, 'meetings', meetingSchema, problems, true),
    );
  }
  return { programme, problems, rejected, unreadable };
}
