#!/usr/bin/env python3
"""Extract the PostgreSQL HCL examples of the Atlas docs into this directory.

Usage (from any directory):

    python3 testdata/corpus/extract.py [DOCS_DIR]          # write the corpus and README.md
    python3 testdata/corpus/extract.py --list [DOCS_DIR]   # print every block, write nothing

DOCS_DIR defaults to ../shared/reference/atlas next to the repository (that
is, ../../../shared/reference/atlas from this script). Every ```hcl or ~~~hcl
fence of every DOCS_DIR/*.md page is numbered per page, in page order,
starting at 1, whether it is kept or not, so a name stays the same when the
skip rules change:

  * schema-file examples are written to  <page>__<n>.hcl
  * project examples are written to      <page>__<n>/atlas.hcl
    (the server recognises project files by that name)

where <page> is the page's file name without ".md". Blocks are skipped when
they sit in an MDX tab of another database (<TabItem value="mysql">, ...),
under a heading naming another database (the per-database sections of the
column types page, the docker blocks of the configuration reference), in a
section documenting a feature of another database (SECTION_SKIPS), when
listed in BLOCK_SKIPS, when they are tests (test "schema" / test "migrate"
blocks, *.test.hcl) or on a page of PAGE_SKIPS. README.md is regenerated
with the list of skipped blocks.

The only change made to a snippet's text is dropping "..." placeholder lines:
a line that is only "...", and an attribute whose whole value is "..." (such
as `url = ...`). README.md lists every dropped line.

Previously generated files (names matching <page>__<n>) are removed first, so
the directory always mirrors the docs. expected.txt is written by hand.
"""

import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DOCS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "reference", "atlas"))

# Tab values / labels / headings naming a database, lower-cased.
POSTGRES = {"postgres", "postgresql"}
OTHER_DBS = {
    "mysql": "MySQL",
    "maria": "MariaDB",
    "mariadb": "MariaDB",
    "sqlite": "SQLite",
    "sqlserver": "SQL Server",
    "sql server": "SQL Server",
    "clickhouse": "ClickHouse",
    "redshift": "Redshift",
    "oracle": "Oracle",
    "spanner": "Spanner",
    "snowflake": "Snowflake",
    "databricks": "Databricks",
    "tidb": "TiDB",
    "cockroachdb": "CockroachDB",
}

# Sections (page, heading text) outside any tab whose examples document a
# feature of another database only.
SECTION_SKIPS = {
    ("atlas-schema-hcl.md", "Storage Engine"): "MySQL/MariaDB only (table `engine`)",
    ("atlas-schema-hcl.md", "System-Versioned Tables"): "MariaDB only (`system_versioned`)",
    ("atlas-schema-hcl.md", "Distribution"): "Redshift only (`distribution`)",
    ("atlas-schema-hcl.md", "Sorting"): "Redshift only (`sort`)",
    ("atlas-schema-hcl.md", "Index Prefixes"): "MySQL/MariaDB only (index `prefix`)",
}

# Single blocks outside tabs that are not PostgreSQL examples: (page, n).
BLOCK_SKIPS = {
    ("atlas-schema-hcl.md", 30): "primary key expressions (`on` blocks): ClickHouse only, as the tab's note says",
    ("concepts-dev.md", 6): "MySQL inspection output (`_utf8mb4` literal, backquoted identifiers)",
}

# Top-level block types that make a snippet a project (atlas.hcl) file.
PROJECT_BLOCKS = {"env", "data", "docker", "lint", "diff", "atlas", "cloud", "hook", "test"}
# Top-level block types of schema files (and the child blocks that doc
# fragments show on their own).
SCHEMA_BLOCKS = {
    "schema", "table", "view", "materialized", "function", "procedure", "aggregate",
    "trigger", "event_trigger", "enum", "domain", "composite", "sequence", "extension",
    "policy", "column", "index", "primary_key", "foreign_key", "check", "unique",
    "exclude", "partition",
}
# Pages whose variable/locals-only snippets are project files.
PROJECT_PAGES = {"atlas-schema-projects.md", "concepts-url.md", "concepts-dev.md"}
# Pages whose every snippet is a project file (or a fragment of one).
FORCE_PROJECT_PAGES = {"hcldoc-config.md"}
# Pages whose snippets are all skipped: page -> (category, reason).
PAGE_SKIPS = {
    "hcldoc-testing.md": ("test file", "a command block of a `test` block, shown on its own (testing reference)"),
    "hcldoc-plan.md": ("plan file", "migration plan (`plan` block, `atlas schema plan`): neither a schema nor a project file"),
}

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)(.*)$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{#[^}]*\})?\s*$")
TITLE = re.compile(r'title=(?:"([^"]*)"?|(\S+))')
ATTR = re.compile(r'(\w+)=(?:"([^"]*)"|\{"([^"]*)"\}|\{([^}]*)\})')
TOP_BLOCK = re.compile(r"^([A-Za-z_][\w-]*)\s*(\"[^\"]*\"\s*)*\{")
TEST_BLOCK = re.compile(r'^test\s+"(schema|migrate)"', re.M)
ELLIPSIS = re.compile(r"^\s*(\.\.\.|[\w.]+\s*=\s*\.\.\.)\s*,?\s*$")


def db_of(text):
    """The database a tab value/label or heading names: 'postgres', a display name, or None.
    Headings of the configuration reference name docker blocks: `docker mysql`."""
    t = text.strip().strip("`").lower()
    if t.startswith("docker "):
        t = t[len("docker "):]
    if t in POSTGRES:
        return "postgres"
    return OTHER_DBS.get(t)


class Block:
    def __init__(self, page, n, line, info, lines, tabs, headings):
        self.page, self.n, self.line = page, n, line
        self.info = info
        self.lines = lines
        self.tabs = list(tabs)  # [(value, label)] of the enclosing TabItems, outermost first
        self.headings = list(headings)  # [(level, text)]
        m = TITLE.search(info)
        self.title = (m.group(1) or m.group(2)) if m else ""
        self.skip = None
        self.kind = None  # "schema" | "project"
        self.dropped = []  # (line number in the snippet, text)
        self.text = ""

    @property
    def stem(self):
        return "%s__%d" % (self.page[:-3], self.n)

    @property
    def out(self):
        return self.stem + ("/atlas.hcl" if self.kind == "project" else ".hcl")

    @property
    def where(self):
        h = " > ".join(t for _, t in self.headings) or "(top)"
        tabs = ", ".join("tab " + (l or v) for v, l in self.tabs)
        return h + ((" [" + tabs + "]") if tabs else "")


def parse(path):
    page = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks = []
    tabs_stack = []  # one entry per open <Tabs>: the current TabItem (value, label) or None
    headings = []
    fence = None  # (marker, lang, info, start, body)
    pending_tabs = False  # inside a multi-line <Tabs ...> opening tag
    n = 0
    for i, line in enumerate(lines, 1):
        if fence:
            m = FENCE.match(line)
            if m and m.group(2)[0] == fence[0][0] and len(m.group(2)) >= len(fence[0]) and not m.group(3) and not m.group(4).strip():
                marker, lang, info, start, body = fence
                if lang == "hcl":
                    n += 1
                    items = [t for t in tabs_stack if t]
                    blocks.append(Block(page, n, start, info, body, items, headings))
                fence = None
            else:
                fence[4].append(line)
            continue
        m = FENCE.match(line)
        if m:
            fence = (m.group(2), m.group(3).lower(), m.group(4), i, [])
            continue
        s = line.strip()
        if pending_tabs:
            if ">" in s:
                pending_tabs = False
            continue
        if s.startswith("<Tabs"):
            tabs_stack.append(None)
            if ">" not in s:
                pending_tabs = True
            continue
        if s.startswith("</Tabs"):
            if tabs_stack:
                tabs_stack.pop()
            continue
        if s.startswith("<TabItem"):
            attrs = {k: (a or b or c or "") for k, a, b, c in ATTR.findall(s)}
            if tabs_stack:
                tabs_stack[-1] = (attrs.get("value", ""), attrs.get("label", ""))
            continue
        if s.startswith("</TabItem"):
            if tabs_stack:
                tabs_stack[-1] = None
            continue
        h = HEADING.match(line)
        if h:
            level = len(h.group(1))
            text = re.sub(r"<[^>]*/>", "", h.group(2)).strip()
            while headings and headings[-1][0] >= level:
                headings.pop()
            headings.append((level, text))
    if fence:
        sys.exit("%s: unclosed fence opened on line %d" % (page, fence[3]))
    return blocks


def top_blocks(text):
    return [m.group(1) for m in (TOP_BLOCK.match(l) for l in text.split("\n")) if m]


def classify(b):
    for v, l in b.tabs:
        for t in (v, l):
            db = db_of(t)
            if db and db != "postgres":
                b.skip = ("other database", "in a %s tab" % db)
                return
    for _, t in b.headings:
        db = db_of(t)
        if db and db != "postgres":
            b.skip = ("other database", "in the %s section" % db)
            return
        reason = SECTION_SKIPS.get((b.page, t))
        if reason:
            b.skip = ("other database", reason)
            return
    if (b.page, b.n) in BLOCK_SKIPS:
        b.skip = ("other database", BLOCK_SKIPS[(b.page, b.n)])
        return
    text = "\n".join(b.lines)
    if b.title.endswith(".test.hcl") or TEST_BLOCK.search(text):
        kinds = sorted(set(TEST_BLOCK.findall(text)))
        what = " and ".join('test "%s"' % k for k in kinds) or "test"
        b.skip = ("test file", what + " example" + (" (titled `%s`)" % b.title if b.title else ""))
        return
    if b.page in PAGE_SKIPS:
        b.skip = PAGE_SKIPS[b.page]
        return
    keep = []
    for j, l in enumerate(b.lines, 1):
        if ELLIPSIS.match(l):
            b.dropped.append((j, l.strip()))
        else:
            keep.append(l)
    b.text = "\n".join(keep).rstrip("\n") + "\n"
    kinds = set(top_blocks(b.text))
    if b.title == "atlas.hcl" or b.page in FORCE_PROJECT_PAGES:
        b.kind = "project"
    elif b.title.endswith(".hcl"):
        b.kind = "schema"
    elif kinds & PROJECT_BLOCKS:
        b.kind = "project"
    elif kinds & SCHEMA_BLOCKS:
        b.kind = "schema"
    else:
        b.kind = "project" if b.page in PROJECT_PAGES else "schema"


GENERATED = re.compile(r"^[a-z0-9-]+__\d+(\.hcl)?$")


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    docs = args[0] if args else DEFAULT_DOCS
    blocks = []
    for name in sorted(os.listdir(docs)):
        if name.endswith(".md") and name != "README.md":
            blocks += parse(os.path.join(docs, name))
    for b in blocks:
        classify(b)

    if "--list" in argv:
        for b in blocks:
            print("%-55s %-8s %s:%d %s %s" % (b.out if not b.skip else b.stem, b.kind or "SKIP", b.page, b.line, b.where, ("-- " + b.skip[1]) if b.skip else ""))
        return

    for name in os.listdir(HERE):
        if GENERATED.match(name):
            p = os.path.join(HERE, name)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    for b in blocks:
        if b.skip:
            continue
        path = os.path.join(HERE, b.out)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(b.text)
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(blocks))
    kept = [b for b in blocks if not b.skip]
    print("%d hcl blocks: %d written (%d schema, %d project), %d skipped %s" % (
        len(blocks), len(kept), sum(b.kind == "schema" for b in kept), sum(b.kind == "project" for b in kept),
        len(blocks) - len(kept), skip_counts(blocks)))


def skip_counts(blocks):
    out = {}
    for b in blocks:
        if b.skip:
            out[b.skip[0]] = out.get(b.skip[0], 0) + 1
    return out


README = """# Atlas documentation corpus

Generated by `extract.py`; do not edit the `.hcl` files or this README by hand
(edit `extract.py` and `expected.txt` instead).

Every file here is an HCL code block of the Atlas documentation pages in
`../shared/reference/atlas/` (next to this repository: the pages of the
public ariga/atlas repository, `doc/md/`, at commit
95f5959183f6c4df4d5f433507aea1c9fc43ce62). The snippets are Atlas's and are
licensed under the Apache License 2.0; see
`../shared/reference/atlas/README.md` and `../shared/reference/atlas/LICENSE`.

`workspace/corpus_test.go` decodes each file as the server does
(each file alone, as the only schema file of its unit: syntax, spec checks
and decoding): files not listed in `expected.txt` must give no
diagnostics; listed files must give exactly the codes listed.

## Regenerating

From the repository root:

    python3 testdata/corpus/extract.py        # rewrites the .hcl files and this README
    go test -run Corpus -v ./workspace

`python3 testdata/corpus/extract.py --list` prints every block with its source
line and classification without writing anything. A different docs directory
can be passed as the first argument.

## What is extracted

Every fenced ` ```hcl ` / `~~~hcl ` block of every page is numbered per page,
in page order, from 1, skipped blocks included (so names are stable):

* schema-file examples become `<page>__<n>.hcl`;
* project examples (titled `atlas.hcl`, or holding `env`, `data`, `docker`,
  `lint`, `diff`, `hook`, ... blocks, and every block of the configuration
  reference `hcldoc-config`) become `<page>__<n>/atlas.hcl`, the name the
  server recognises project files by;
* `variable`/`locals`-only snippets are project files on the project and URL
  pages and schema files elsewhere.

Blocks are kept when they are in a PostgreSQL tab (`<TabItem value="postgres">`)
or outside any database tab. They are skipped when they are in a tab or under a
heading of another database (MySQL, MariaDB, SQLite, SQL Server, ClickHouse,
Redshift, ...), in a section documenting another database's feature, or when
they are tests (`test "schema"` / `test "migrate"`, `*.test.hcl`), which the
server does not validate yet. All skipped blocks are listed below.

References to objects the snippet does not define (`schema.public`,
`table.orders`, `function.audit_log_table`, ...) do not make a schema snippet a
fragment: Atlas merges the HCL files of a schema directory, and such files are
valid parts of one. Project files are single files, so a project snippet using
a `var`, `local` or `data` source it does not declare is listed in
`expected.txt` as a fragment, with `[]` as long as the server does not check
that.

## Edits

Snippets are copied verbatim except for `...` placeholder lines (a line that is
only `...`, or an attribute whose value is only `...`), which are dropped:

%(dropped)s

## Counts

%(counts)s

## Skipped: tests (to validate once test files are supported)

%(tests)s

## Skipped: other file kinds

%(plans)s

## Skipped: other databases

%(others)s
"""


def table(rows, head):
    if not rows:
        return "(none)"
    out = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def readme(blocks):
    kept = [b for b in blocks if not b.skip]
    dropped = [("`%s`" % b.out, str(j), "`%s`" % l) for b in kept for j, l in b.dropped]

    def skipped(cat):
        return [("`%s`" % b.stem, "%s:%d" % (b.page, b.line), b.where.replace("|", "\\|"), b.skip[1])
                for b in blocks if b.skip and b.skip[0] == cat]

    counts = skip_counts(blocks)
    lines = [
        "* %d hcl blocks in %d pages" % (len(blocks), len({b.page for b in blocks})),
        "* %d extracted: %d schema files, %d project files" % (
            len(kept), sum(b.kind == "schema" for b in kept), sum(b.kind == "project" for b in kept)),
    ]
    lines += ["* %d skipped: %s" % (sum(counts.values()), ", ".join("%d %s" % (n, k) for k, n in sorted(counts.items())))]
    head = ("block", "source", "section", "reason")
    return README % {
        "dropped": table(dropped, ("file", "snippet line", "dropped")),
        "counts": "\n".join(lines),
        "tests": table(skipped("test file"), head),
        "plans": table(skipped("plan file"), head),
        "others": table(skipped("other database"), head),
    }


if __name__ == "__main__":
    main(sys.argv[1:])
