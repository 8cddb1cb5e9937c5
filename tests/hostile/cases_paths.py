"""Paths and file types: every file the project reads is a regular file inside the project.

A symbolic link leading outside, a FIFO, a device or a directory where a source, a register,
a .bib file, the note on the texts or edition.yaml is expected is refused with its path, at
once; a path named in edition.yaml is refused at the line and column that names it."""

from __future__ import annotations

from harness import CONFIG, LETTER, Case, Device, Expect, Fifo, Folder, Gone, Link

OUTSIDE = r"symbolic link.* outside the project|points outside the project|outside the project"
BIB = "edition.yaml:2:16"  # the item of 'bibliography: [bibliography/works.bib]'
NOTE_CONFIG = CONFIG + "note_on_texts: docs/note.md\n"
NOTE = "edition.yaml:7:16"


def bib_config(item: str) -> str:
    return CONFIG.replace("[bibliography/works.bib]", f"[{item}]")


def _err(where: str, says: str) -> Expect:
    return Expect(1, where, says)


CASES = [
    # sources/**/*.md
    Case("source-symlink-outside", "paths", {"sources/letters/evil.md": Link("@out/secret.md")},
         _err("sources/letters/evil.md:1:1", OUTSIDE)),
    Case("source-symlink-absolute-outside", "paths", {"sources/letters/evil.md": Link("/etc/hostname")},
         _err("sources/letters/evil.md:1:1", OUTSIDE)),
    Case("source-symlink-to-dev-zero", "paths", {"sources/letters/zero.md": Link("/dev/zero")},
         _err("sources/letters/zero.md:1:1", OUTSIDE)),
    Case("source-fifo", "paths", {"sources/letters/pipe.md": Fifo()}, _err("sources/letters/pipe.md:1:1", "named pipe")),
    Case("source-directory", "paths", {"sources/letters/folder.md": Folder()},
         _err("sources/letters/folder.md:1:1", "is a directory")),
    Case("source-device", "paths", {"sources/letters/null.md": Device()}, _err("sources/letters/null.md:1:1", "device"),
         needs_root=True),
    Case("source-dangling-symlink", "paths", {"sources/letters/gone.md": Link("nowhere.md")},
         _err("sources/letters/gone.md:1:1", "symbolic link to a file that does not exist")),
    Case("source-symlink-loop", "paths", {"sources/letters/loop.md": Link("loop.md")},
         _err("sources/letters/loop.md:1:1", "symbolic link.*loop")),
    Case("source-symlink-inside-to-fifo", "paths", {"sources/pipe": Fifo(), "sources/letters/x.md": Link("../pipe")},
         _err("sources/letters/x.md:1:1", "named pipe")),
    Case("source-symlink-inside-is-read", "paths", {"sources/letters/again.md": Link("letter.md")},
         _err("sources/letters/letter.md:2:5", "document id 'letter' is already the id of sources/letters/again.md")),
    Case("sources-folder-symlink-outside", "paths", {"sources/evil": Link("@out")},
         _err("sources/evil:1:1", OUTSIDE)),
    Case("sources-folder-symlink-loop", "paths", {"sources/letters/loop": Link(".")},
         Expect(0, "sources/letters/loop:1:1", "symbolic link to a folder.*not followed", "warning")),
    Case("sources-root-symlink-outside", "paths", {"sources": Link("@out")}, _err("sources:1:1", OUTSIDE)),
    Case("source-name-invalid-utf8", "paths", {"sources/letters/bad\udcff.md": "---\nid: bad\n---\nx\n"},
         _err(r"sources/letters/bad\xff.md:1:1", "file name is not valid UTF-8")),
    Case("source-name-terminal-escape", "paths", {"sources/letters/\x1b[2J\x1b]0;owned\x07.md": "no front matter\n"},
         Expect(1, r"sources/letters/\x1b[2J\x1b]0;owned\x07.md:1:1", "does not start with a YAML front matter",
                not_in_output=("\x1b", "\x07"))),
    Case("source-name-newline", "paths", {"sources/letters/two\nlines.md": "no front matter\n"},
         Expect(1, r"sources/letters/two\nlines.md:1:1", "does not start with a YAML front matter")),
    # registers
    Case("persons-fifo", "paths", {"sources/persons.yaml": Fifo()}, _err("sources/persons.yaml:1:1", "named pipe")),
    Case("persons-symlink-outside", "paths", {"sources/persons.yaml": Link("@out/secret.yaml")},
         _err("sources/persons.yaml:1:1", OUTSIDE)),
    Case("persons-directory", "paths", {"sources/persons.yaml": Folder()}, _err("sources/persons.yaml:1:1", "is a directory")),
    Case("persons-split-fifo", "paths", {"sources/persons/more.yaml": Fifo()}, _err("sources/persons/more.yaml:1:1", "named pipe")),
    Case("persons-split-symlink-outside", "paths", {"sources/persons/more.yaml": Link("@out/secret.yaml")},
         _err("sources/persons/more.yaml:1:1", OUTSIDE)),
    Case("places-fifo", "paths", {"sources/places.yaml": Fifo()}, _err("sources/places.yaml:1:1", "named pipe")),
    Case("places-symlink-outside", "paths", {"sources/places.yaml": Link("@out/secret.yaml")},
         _err("sources/places.yaml:1:1", OUTSIDE)),
    Case("places-device", "paths", {"sources/places.yaml": Device()}, _err("sources/places.yaml:1:1", "device"), needs_root=True),
    Case("archives-fifo", "paths", {"sources/archives.yaml": Fifo()}, _err("sources/archives.yaml:1:1", "named pipe")),
    Case("archives-symlink-outside", "paths", {"sources/archives.yaml": Link("@out/secret.yaml")},
         _err("sources/archives.yaml:1:1", OUTSIDE)),
    Case("archives-directory", "paths", {"sources/archives.yaml": Folder()}, _err("sources/archives.yaml:1:1", "is a directory")),
    # .bib files, named in edition.yaml
    Case("bib-fifo", "paths", {"bibliography/works.bib": Fifo()}, _err(BIB, "named pipe")),
    Case("bib-symlink-outside", "paths", {"bibliography/works.bib": Link("@out/secret.bib")}, _err(BIB, OUTSIDE)),
    Case("bib-directory", "paths", {"bibliography/works.bib": Folder()}, _err(BIB, "is a directory")),
    Case("bib-device", "paths", {"bibliography/works.bib": Device()}, _err(BIB, "device"), needs_root=True),
    Case("bib-missing", "paths", {"bibliography/works.bib": Gone()}, _err(BIB, "does not exist")),
    Case("bib-dotdot", "paths", {"edition.yaml": bib_config("../outside/secret.bib")}, _err(BIB, OUTSIDE)),
    Case("bib-absolute", "paths", {"edition.yaml": bib_config("/etc/hostname")}, _err(BIB, OUTSIDE)),
    Case("bib-dev-zero", "paths", {"edition.yaml": bib_config("/dev/zero")}, _err(BIB, OUTSIDE)),
    Case("bib-windows-path", "paths", {"edition.yaml": bib_config("'bibliography\\works.bib'")}, _err(BIB, "does not exist")),
    Case("bib-second-item", "paths", {"edition.yaml": bib_config("bibliography/works.bib, bibliography/gone.bib")},
         _err("edition.yaml:2:40", "does not exist")),
    Case("bib-block-list", "paths", {"edition.yaml": CONFIG.replace("[bibliography/works.bib]", "\n  - bibliography/works.bib\n  - ../x.bib")},
         _err("edition.yaml:4:5", OUTSIDE)),
    # the note on the texts
    Case("note-fifo", "paths", {"edition.yaml": NOTE_CONFIG, "docs/note.md": Fifo()}, _err(NOTE, "named pipe")),
    Case("note-directory", "paths", {"edition.yaml": NOTE_CONFIG, "docs/note.md": Folder()}, _err(NOTE, "is a directory")),
    Case("note-symlink-outside", "paths", {"edition.yaml": NOTE_CONFIG, "docs/note.md": Link("@out/secret.txt")}, _err(NOTE, OUTSIDE)),
    Case("note-missing", "paths", {"edition.yaml": NOTE_CONFIG}, _err(NOTE, "does not exist")),
    Case("note-dotdot", "paths", {"edition.yaml": CONFIG + "note_on_texts: ../outside/secret.txt\n"}, _err(NOTE, OUTSIDE)),
    Case("note-absolute", "paths", {"edition.yaml": CONFIG + "note_on_texts: /etc/hostname\n"}, _err(NOTE, OUTSIDE)),
    Case("note-bad-utf8", "paths", {"edition.yaml": NOTE_CONFIG, "docs/note.md": b"# Note\n\nab\xffc\n"},
         _err("docs/note.md:3:3", "invalid UTF-8")),
    Case("note-nul", "paths", {"edition.yaml": NOTE_CONFIG, "docs/note.md": "# Note\n\nab\x00c\n"}, _err("docs/note.md:3:3", "NUL")),
    # edition.yaml itself
    Case("config-fifo", "paths", {"edition.yaml": Fifo()}, _err("edition.yaml:1:1", "named pipe")),
    Case("config-symlink-outside", "paths", {"edition.yaml": Link("@out/secret.yaml")}, _err("edition.yaml:1:1", OUTSIDE)),
    Case("config-directory", "paths", {"edition.yaml": Folder()}, _err("edition.yaml:1:1", "is a directory")),
    Case("config-missing", "paths", {"edition.yaml": Gone()}, Expect(1, "", "no edition.yaml in this folder or in any folder above it")),
    Case("config-bad-utf8", "paths", {"edition.yaml": b"title: \"Mini \xc0 Reader\"\n"}, _err("edition.yaml:1:14", "invalid UTF-8")),
    # the project folder
    Case("root-is-a-file", "paths", {}, Expect(1, "", r"is not a folder|not a directory"), command=("--root", "{root}/" + LETTER, "check")),
]
