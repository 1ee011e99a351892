/**
 * What a person calls a department or an enterprise, for alerts: the name the office registered
 * for the department, the name on the enterprise's fee card. One GetItem each, remembered for a
 * minute per container (names change rarely; an alert is raised far less often than that).
 */
import * as z from 'zod/mini';
import { getRecord } from '../data/db.ts';
import { keys } from '../data/table.ts';

const REMEMBERED_MS = 60_000;
const remembered = new Map<string, { name: string; until: number }>();

const named = z.object({ name: z.string() });
const cardNamed = z.object({ enterpriseName: z.string() });

async function rememberedName(key: string, read: () => Promise<string | undefined>, fallback: string): Promise<string> {
  const now = Date.now();
  const known = remembered.get(key);
  if (known && known.until > now) return known.name;
  const name = (await read()) ?? fallback;
  remembered.set(key, { name, until: now + REMEMBERED_MS });
  return name;
}

/** The department's registered name; its id when it is not registered. */
export const departmentName = (deptId: string): Promise<string> =>
  rememberedName(`dept:${deptId}`, () => getRecord(keys.department(deptId), (item) => named.parse(item).name), deptId);

/** The enterprise's name as its fee card gives it; its credit code when it has no card. */
export const enterpriseName = (creditCode: string): Promise<string> =>
  rememberedName(`ent:${creditCode}`, () => getRecord(keys.card(creditCode), (item) => cardNamed.parse(item).enterpriseName), creditCode);
