/**
 * The documentation holds together: every relative link of README.md and docs/ reaches a file
 * (and a heading, when it names one), the README stays short, and nothing in the repository sends
 * the reader to a document outside it. File system only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const README_MAX_BYTES = 12_000;

/** Every file under a folder, skipping what is installed, generated or not the project's own. */
function filesUnder(dir: string, skip: (relative: string, name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (skip(path.relative(root, full), entry.name)) return [];
    return entry.isDirectory() ? filesUnder(full, skip) : [full];
  });
}

const docPages = [path.join(root, 'README.md'), ...filesUnder(path.join(root, 'docs'), () => false).filter((f) => f.endsWith('.md'))];

/** Markdown without its fenced code blocks, where a heading or a link is only text. */
const withoutCodeBlocks = (markdown: string): string => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
/** Markdown without any code, inline code too. */
const prose = (markdown: string): string => withoutCodeBlocks(markdown).replace(/`[^`\n]*`/g, '');

/** The targets of the inline links and images of a page. */
const linkTargets = (markdown: string): string[] =>
  [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of withoutCodeBlocks(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  return anchors;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe('the documentation', () => {
  it('has the README and an index of docs/', () => {
    expect(existsSync(path.join(root, 'README.md'))).toBe(true);
    expect(existsSync(path.join(root, 'docs', 'README.md'))).toBe(true);
    expect(docPages.length).toBeGreaterThan(10);
  });

  it(`keeps README.md at most ${README_MAX_BYTES} bytes`, () => {
    expect(statSync(path.join(root, 'README.md')).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of docPages) {
      const markdown = readFileSync(page, 'utf8');
      for (const target of linkTargets(markdown)) {
        if (isExternal(target)) continue;
        const [file = '', anchor] = target.split('#');
        const resolved = file ? path.resolve(path.dirname(page), decodeURI(file)) : page;
        const where = `${path.relative(root, page)} -> ${target}`;
        if (path.relative(root, resolved).startsWith('..')) broken.push(`${where} (outside the repository)`);
        else if (!existsSync(resolved)) broken.push(`${where} (no such file)`);
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor)))
          broken.push(`${where} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('is linked from the docs index, every page of it', () => {
    const index = linkTargets(readFileSync(path.join(root, 'docs', 'README.md'), 'utf8')).map((target) => target.split('#')[0]);
    const unlinked = docPages
      .filter((page) => page.startsWith(path.join(root, 'docs')) && path.basename(page) !== 'README.md')
      .map((page) => path.relative(path.join(root, 'docs'), page))
      .filter((page) => !index.includes(page));
    expect(unlinked).toEqual([]);
  });
});

describe('the repository', () => {
  const generated = new Set(['node_modules', 'cdk.out', 'coverage', 'test-artifacts', 'dist']);
  const textFile = /\.(ts|tsx|js|mjs|cjs|json|md|ya?ml|html|css|txt|sh)$|^run$/;
  const files = filesUnder(
    root,
    (relative, name) => generated.has(name) || (name.startsWith('.') && name !== '.ci') || relative === 'package-lock.json',
  ).filter((file) => textFile.test(path.basename(file)));

  it('refers to no document outside it', () => {
    const outside: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const at = (reference: string) => `${path.relative(root, file)}: ${reference}`;
      // A path climbing to a shared/ folder must land on a file of this repository.
      for (const [reference] of text.matchAll(/(?:\.\.\/)+shared\/[\w./-]*/g)) {
        const target = path.resolve(path.dirname(file), reference.replace(/[./]+$/, ''));
        const inside = !path.relative(root, target).startsWith('..');
        const found = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts'].some((ending) => existsSync(target + ending));
        if (!inside || !found) outside.push(at(reference));
      }
      // A document named under shared/ must be one the repository has.
      for (const [reference] of text.matchAll(/\bshared\/[\w/-]+\.(?:md|txt)\b/g)) {
        if (!existsSync(path.join(root, reference))) outside.push(at(reference));
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });
});
