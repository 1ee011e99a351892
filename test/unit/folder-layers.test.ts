/**
 * Folders whose arrows run one way. The runtime imports of functions/, shared/, infra/, scripts/
 * and bench/ (type-only imports left out: they vanish when the code runs), grouped by folder,
 * make a graph without cycles; the layers run shared → functions → infra → scripts and bench;
 * and shared/ is built in floors, each importing only its own floor or those below:
 *
 *   shared/ itself (config, errors, the concern registry)
 *   data
 *   time, domain
 *   alerts, outbox
 *   http
 *
 * What a lower floor needs from a higher one moves down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const LAYERS = ['shared', 'functions', 'infra', 'scripts', 'bench'] as const;
/** Which layer a top-level folder is, lowest first (scripts and bench are both at the top). */
const LAYER_RANK: Record<(typeof LAYERS)[number], number> = { shared: 0, functions: 1, infra: 2, scripts: 3, bench: 3 };
/** The floors of shared/, lowest first. */
const SHARED_FLOORS: Record<string, number> = {
  shared: 0,
  'shared/data': 1,
  'shared/time': 2,
  'shared/domain': 2,
  'shared/alerts': 3,
  'shared/outbox': 3,
  'shared/http': 4,
};
/** package.json "imports": the project's own module aliases. */
const ALIASES: Record<string, string> = { '#shared/': 'shared/', '#functions/': 'functions/', '#infra/': 'infra/' };

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/**
 * The modules a file loads when it runs: its imports and re-exports that are not `import type` /
 * `export type` (an import of type specifiers only, `import { type A }`, still loads the module
 * under verbatimModuleSyntax), and its dynamic imports of a literal path.
 */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      specifiers.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.flatMap((specifier) => {
    const alias = Object.keys(ALIASES).find((prefix) => specifier.startsWith(prefix));
    if (alias) return [`${ALIASES[alias]}${specifier.slice(alias.length)}.ts`];
    if (specifier.startsWith('.')) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))];
    return []; // a package or a Node module
  });
}

/** The folder a file counts in: functions/<concern>, shared/<floor>, infra/<part>, or the top folder for its own files, scripts/ and bench/. */
function folderOf(file: string): string | undefined {
  const [top, sub, ...rest] = file.split('/');
  if (!LAYERS.includes(top as (typeof LAYERS)[number])) return undefined;
  if (top === 'scripts' || top === 'bench' || rest.length === 0) return top;
  return `${top}/${sub}`;
}

const layerOf = (folder: string) => LAYER_RANK[folder.split('/')[0] as (typeof LAYERS)[number]];

/** Folder → folder, with the file imports that make each edge. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of LAYERS.flatMap(sourceFiles)) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!;
    for (const target of runtimeImports(file)) {
      const to = folderOf(target);
      if (!to || to === from) continue;
      edges.set(to, [...(edges.get(to) ?? []), `${file} → ${target}`]);
      if (!graph.has(to)) graph.set(to, new Map());
    }
  }
  return graph;
}

/** Every cycle's folders (strongly connected groups of more than one folder, Tarjan). */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const connect = (folder: string): void => {
    index.set(folder, next);
    low.set(folder, next++);
    stack.push(folder);
    for (const to of graph.get(folder)?.keys() ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(folder, Math.min(low.get(folder)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(folder, Math.min(low.get(folder)!, index.get(to)!));
    }
    if (low.get(folder) === index.get(folder)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== folder);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const folder of graph.keys()) if (!index.has(folder)) connect(folder);
  return found;
}

const graph = folderGraph();
const edges = [...graph].flatMap(([from, targets]) => [...targets].map(([to, imports]) => ({ from, to, imports })));

describe('the folders of functions/, shared/, infra/, scripts/ and bench/', () => {
  it('are read from the source (the graph is not empty, and sees the imports it should)', () => {
    expect(graph.get('functions/fee-cards')?.has('shared/data')).toBe(true);
    expect(graph.get('shared/outbox')?.has('shared/alerts')).toBe(true);
    // A dynamic import counts: the local runtime loads its demo filler on demand.
    expect(runtimeImports('infra/local/main.ts')).toContain('infra/local/demo/fill.ts');
  });

  it('import one another in one direction only: no cycle of folders', () => {
    const described = cycles(graph).map((group) =>
      [
        group.join(' ↔ '),
        ...edges.filter(({ from, to }) => group.includes(from) && group.includes(to)).map(({ imports }) => `  ${imports.join('\n  ')}`),
      ].join('\n'),
    );
    expect(described).toEqual([]);
  });

  it('follow the layers: shared below functions below infra below scripts and bench', () => {
    const upward = edges.filter(({ from, to }) => layerOf(to) > layerOf(from)).flatMap(({ imports }) => imports);
    expect(upward).toEqual([]);
  });

  it('build shared/ in floors: no folder of it imports a higher floor, and each has its floor', () => {
    const sharedFolders = [...graph.keys()].filter((folder) => folder.split('/')[0] === 'shared');
    expect(sharedFolders.filter((folder) => SHARED_FLOORS[folder] === undefined)).toEqual([]);
    const upward = edges
      .filter(({ from, to }) => from.startsWith('shared') && to.startsWith('shared'))
      .filter(({ from, to }) => (SHARED_FLOORS[to] ?? Infinity) > (SHARED_FLOORS[from] ?? -Infinity))
      .flatMap(({ imports }) => imports);
    expect(upward).toEqual([]);
  });
});
