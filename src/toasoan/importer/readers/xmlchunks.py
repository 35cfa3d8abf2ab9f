"""Split a large XML export or feed into its items, streaming, with line numbers.

RSS, Atom and WordPress exports are a header followed by thousands of `<item>` or
`<entry>` elements. `Scanner` reads the bytes a block at a time, passes the header on
in pieces (for an incremental parser) and cuts out each item's text with the line it
starts on; `parse_item` then parses that text alone. Memory stays flat whatever the
file's size, one broken item fails alone, and every message can name its line.

The scanner knows just enough XML to cut correctly: CDATA sections and comments are
skipped, so an `<item>` written inside them never counts.
"""

import codecs
import functools
import gzip
import html.entities
import http.client
import io
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from lxml import etree

from ..records import Problem

BLOCK_SIZE = 1 << 20
USER_AGENT = "toasoan-importer/0.1 (+https://github.com/toasoan)"
TIMEOUT = 30  # seconds, for each network read


class SourceError(Exception):
    """The source cannot be opened; the message is Vietnamese, for the user."""


# --- opening and decoding -------------------------------------------------------------


def is_url(source):
    return isinstance(source, str) and re.match(r"^https?://", source, re.I) is not None


def source_name(source):
    """How messages name a source: a URL in full, a file by its name."""
    return source if is_url(source) else os.path.basename(os.fspath(source))


def open_source(source, timeout=TIMEOUT):
    """A binary stream of a local file or an http(s) URL."""
    if is_url(source):
        request = urllib.request.Request(source, headers={"User-Agent": USER_AGENT})
        try:
            return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 (http(s) only)
        except urllib.error.HTTPError as error:
            raise SourceError(
                f"máy chủ trả lời lỗi {error.code} ({error.reason}) cho địa chỉ {source}"
            ) from error
        except urllib.error.URLError as error:
            raise SourceError(f"không kết nối được tới {source}: {error.reason}") from error
        except (TimeoutError, OSError) as error:
            raise SourceError(f"không tải được {source}: {error}") from error
    try:
        return open(source, "rb")
    except FileNotFoundError as error:
        raise SourceError(f"không tìm thấy tệp {os.fspath(source)}") from error
    except IsADirectoryError as error:
        raise SourceError(f"{os.fspath(source)} là một thư mục, không phải tệp") from error
    except PermissionError as error:
        raise SourceError(f"không có quyền đọc tệp {os.fspath(source)}") from error
    except OSError as error:
        raise SourceError(f"không mở được tệp {os.fspath(source)}: {error}") from error


def _legacy_bytes(error):
    """Bytes that are not valid in the declared encoding become the characters they are
    in Windows-1252 (Latin-1 where it has none): nothing is lost, and the saving side's
    mojibake repair can still recognise them."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chars = []
    for byte in error.object[error.start : error.end]:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars), error.end


codecs.register_error("toasoan-legacy", _legacy_bytes)

_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _encoding(first):
    if first.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if first.startswith(b"<\x00?\x00"):
        return "utf-16-le"
    if first.startswith(b"\x00<\x00?"):
        return "utf-16-be"
    match = _DECLARED.match(first[:512])
    if match:
        name = match.group(1).decode("ascii").lower()
        try:
            name = codecs.lookup(name).name
        except LookupError:
            return "utf-8"
        # As browsers do: Latin-1 labels mean Windows-1252, its superset.
        return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
    return "utf-8"


class _Prepended(io.RawIOBase):
    """`first` and then the rest of `stream`: lets gzip read what was already sniffed."""

    def __init__(self, first, stream):
        self.first, self.stream = first, stream

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.first:
            n = min(len(buffer), len(self.first))
            buffer[:n], self.first = self.first[:n], self.first[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Text:
    """The decoded text of a byte stream, one block at a time."""

    def __init__(self, stream, stats):
        self.stats = stats
        first = stream.read(BLOCK_SIZE)
        if first[:2] == b"\x1f\x8b":  # a .gz export
            stream = gzip.GzipFile(fileobj=io.BufferedReader(_Prepended(first, stream)))
            try:
                first = stream.read(BLOCK_SIZE)
            except (OSError, EOFError):
                first = b""
        self.stream, self.pending, self.done = stream, first, False
        self.decoder = codecs.getincrementaldecoder(_encoding(first))(errors="toasoan-legacy")

    def read(self):
        """The next piece of text; None at the end."""
        if self.done:
            return None
        if self.pending is not None:
            data, self.pending = self.pending, None
        else:
            try:
                data = self.stream.read(BLOCK_SIZE)
            except (OSError, EOFError, http.client.HTTPException):
                # A broken .gz or a dropped connection: the end, the last item cut.
                data = b""
        if self.stats is not None:
            self.stats["bytes_read"] += len(data)
        if not data:
            self.done = True
            return self.decoder.decode(b"", final=True)
        return self.decoder.decode(data)


# --- cutting the text into items ------------------------------------------------------


@dataclass
class Piece:
    """What the scanner found.

    kind "start": the root element, `text` its qualified name ("rss", "feed", "html"),
      "" when there is none: `complete` False then means the source is empty (nothing
      but white space), True that it is not XML. `skipped`: lines of junk dropped before
      the XML (PHP warnings printed into an export).
    kind "head": a piece of the text before the first item (for an incremental parser).
    kind "item": one item's text, starting on `line`; `complete` False when it has no
      closing tag, `truncated` True when that is because the source ended inside it,
      `oversized` when it ran past MAX_ITEM characters (only its start is kept).
    kind "end": the end of the source, on `line`; `complete`: the root element was closed.
    """

    kind: str
    text: str = ""
    line: int = 1
    complete: bool = True
    skipped: int = 0
    truncated: bool = False
    oversized: bool = False


_NAME = r"(?:[A-Za-z_][\w.-]*:)?"
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_DECLARATION = re.compile(r"^\s*<\?xml\b.*?\?>", re.S)
KEEP = 64  # characters kept back at a block's end: a token may be cut there
MAX_ITEM = 64 << 20  # characters: an "item" longer than this is broken markup
PROLOG_LIMIT = 1 << 16  # junk before the XML is looked through this far


def root_local(name):
    return name.rpartition(":")[2]


class Scanner:
    """Iterate over `Piece`s of a binary stream. `roots`: the local names of the root
    elements the caller reads ("rss", "feed", "RDF")."""

    def __init__(self, stream, roots, stats=None):
        self.text = _Text(stream, stats)
        self.roots = roots

    def __iter__(self):
        buf, start = self._prolog()
        yield start
        if root_local(start.text) not in self.roots:
            return
        item = "entry" if root_local(start.text) == "feed" else "item"
        root_close = re.compile(r"</" + re.escape(start.text) + r"\s*>")
        out = re.compile(r"<!\[CDATA\[|<!--|<" + _NAME + item + r"(?=[\s/>])")
        restart = re.compile(r"<" + _NAME + item + r"(?=[\s/>])")
        inside = re.compile(
            r"<!\[CDATA\[|<!--|</" + _NAME + item + r"\s*>|<" + _NAME + item + r"(?=[\s/>])"
        )
        # buf[begin:] is not handed on yet; `line` is the line buf[lpos] is on. Items are
        # cut out by position and the buffer compacted once a block, never once an item.
        begin = pos = lpos = 0
        line = item_line = 1 + start.skipped
        in_item = seen_item = eof = False
        tail = ""  # the last text outside items: is the root closed?
        resync = False
        while True:
            match = (inside if in_item else restart if resync else out).search(buf, pos)
            if match:
                resync = False
                token = match.group()
                if token in ("<![CDATA[", "<!--"):
                    end = buf.find("]]>" if token == "<![CDATA[" else "-->", match.end())
                    if end >= 0:
                        pos = end + 3
                        continue
                    pos = match.start()  # read on until it ends
                elif token.startswith("</"):  # the item ends
                    yield Piece("item", buf[begin : match.end()], item_line)
                    begin = pos = match.end()
                    in_item = False
                    continue
                elif (close := buf.find(">", match.end())) >= 0:  # an item starts
                    at = match.start()
                    if in_item:  # the previous one never closed
                        yield Piece("item", buf[begin:at], item_line, complete=False)
                    elif not seen_item:
                        yield Piece("head", buf[begin:at])
                    else:
                        tail = (tail + buf[max(begin, at - 256) : at])[-256:]
                    line += buf.count("\n", lpos, at)
                    lpos, begin, item_line, seen_item = at, at, line, True
                    if buf[close - 1] == "/":  # <item/>
                        yield Piece("item", buf[at : close + 1], item_line)
                        begin = pos = close + 1
                        in_item = False
                    else:
                        pos, in_item = close + 1, True
                    continue
                else:
                    pos = match.start()  # the start tag goes on in the next block
            else:
                pos = max(pos, len(buf) - KEEP)
                if not in_item:  # pass the text on, keep back the last few characters
                    if not seen_item:
                        yield Piece("head", buf[begin:pos])
                    tail = (tail + buf[max(begin, pos - 256) : pos])[-256:]
                    begin = pos
            if len(buf) - begin > MAX_ITEM:
                # Too big to be one post: a CDATA section or comment never closed. Give
                # up on it and look for the next item start, CDATA or not.
                if in_item:
                    yield Piece("item", buf[begin : begin + 65536], item_line, complete=False,
                                oversized=True)  # fmt: skip
                begin = pos = max(pos, len(buf) - KEEP)
                in_item, resync = False, True
            if eof:
                break
            more = self.text.read()
            if more is None:
                eof = True
            else:
                line += buf.count("\n", lpos, begin)
                buf = buf[begin:] + _strip_invalid(more)
                pos, begin, lpos = pos - begin, 0, 0
        # The end of the source.
        last = line + buf.count("\n", lpos)
        if in_item:
            yield Piece("item", buf[begin:], item_line, complete=False, truncated=True)
            yield Piece("end", line=last, complete=False)
            return
        if not seen_item:
            yield Piece("head", buf[begin:])
        tail = (tail + buf[begin:])[-256:]
        closed = root_close.search(_strip_comments(tail)) is not None
        yield Piece("end", line=last, complete=closed)

    def _prolog(self):
        """Read up to the root element: (the text from the start, its "start" Piece)."""
        buf = ""
        while True:
            more = self.text.read()
            done = not more
            buf += _strip_invalid(more or "")
            found = self._root(buf, 0)
            if found is not None:
                return found
            if not buf.strip():
                if done:
                    return buf, Piece("start", "", complete=False)
                continue
            # Junk before the XML (a PHP warning printed into the export)?
            junk = re.search(
                r"<\?xml\b|<" + _NAME + "(?:" + "|".join(self.roots) + r")[\s>]",
                buf[:PROLOG_LIMIT],
            )
            if junk:
                found = self._root(buf, junk.start())
                if found is not None:
                    return found
            if done or len(buf) > PROLOG_LIMIT:
                root = _ROOT.match(buf[self._skip(buf, 0) :])
                return buf, Piece("start", root.group(1) if root else "")

    def _skip(self, buf, pos):
        while True:
            match = _PROLOG.match(buf, pos)
            if not match or match.end() == pos:
                return pos
            pos = match.end()

    def _root(self, buf, begin):
        """(text, Piece) when `buf[begin:]` is a prolog and a root element, else None."""
        pos = self._skip(buf, begin)
        rest = buf[pos:].lstrip()
        if re.search(r"<!DOCTYPE\s+html", buf[begin:pos], re.I) or re.match(
            r"<html[\s>]", rest, re.I
        ):
            return buf, Piece("start", "html")
        root = _ROOT.match(rest)
        if root and re.match(r"<[^>]*>", rest) and root_local(root.group(1)) in self.roots:
            skipped = buf.count("\n", 0, begin)
            text = buf[begin:]
            declaration = _DECLARATION.match(text)
            if declaration:  # it no longer applies to decoded text, and lxml refuses it
                text = re.sub(r"[^\n]", " ", declaration.group()) + text[declaration.end() :]
            return text, Piece("start", root.group(1), skipped=skipped)
        return None


def _strip_comments(text):
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


# --- parsing one item -----------------------------------------------------------------

# Characters XML 1.0 forbids anywhere (old exports are full of them): dropped.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _strip_invalid(text):
    return _INVALID.sub("", text)


# Never fetch, expand or load anything a file points at; keep only elements and text.
_SAFE = {"huge_tree": True, "resolve_entities": False, "no_network": True, "load_dtd": False,
         "remove_comments": True, "remove_pis": True}


def make_parser():
    return etree.XMLParser(**_SAFE)


def make_head_parser():
    """An incremental, forgiving parser for the header (site, authors, namespaces)."""
    return etree.XMLPullParser(events=("start-ns", "start", "end"), recover=True, **_SAFE)


class ItemError(Exception):
    """An item's XML could not be read: `line` (in the file) and a Vietnamese reason."""

    def __init__(self, line, reason):
        super().__init__(reason)
        self.line, self.reason = line, reason


_CDATA = re.compile(r"(<!\[CDATA\[.*?\]\]>)", re.S)
_ENTITY = re.compile(r"&(?:(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)?")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_PREFIXES = re.compile(r"</?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[\w.-]+\s*=")


def _valid_char(code):
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _fix_entity(match):
    name = match.group(1)
    if name is None:  # a bare '&' ("Sở KH&ĐT")
        return "&amp;"
    if name[0] == "#":
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        return match.group() if _valid_char(code) else ""
    if name in _XML_ENTITIES:
        return match.group()
    chars = html.entities.html5.get(name + ";")  # HTML's &nbsp; &eacute; ...
    if chars is None:
        return "&amp;" + name + ";"
    return "".join(f"&#{ord(c)};" for c in chars)


def _repair(text):
    """What old exports get wrong, outside CDATA sections: HTML entities, bare '&'s,
    references to forbidden characters."""
    parts = _CDATA.split(text)
    parts[::2] = [_ENTITY.sub(_fix_entity, part) for part in parts[::2]]
    return "".join(parts)


def parse_item(text, namespaces, line, parser):
    """Parse one item's text alone; `namespaces`: prefix -> URI declared around it
    (prefix "" for the default one). Returns the element or raises ItemError. (The
    scanner has already dropped the characters XML forbids.)"""
    try:
        element = _parse(text, namespaces, parser)
    except etree.XMLSyntaxError:
        pass
    else:
        if element is None:
            raise ItemError(line, "mục rỗng")
        return element
    # Second try with what old exports commonly get wrong repaired.
    repaired = _repair(text)
    known = dict(namespaces)
    for found in _PREFIXES.finditer(repaired):
        prefix = found.group(1) or found.group(2)
        if prefix not in known and prefix not in ("xml", "xmlns"):
            known[prefix] = f"urn:x-toasoan:undeclared:{prefix}"
    try:
        element = _parse(repaired, known, parser)
    except etree.XMLSyntaxError as error:
        first = _first_error(error)
        at = line + max(first[0], 1) - 1
        raise ItemError(at, _vietnamese(first[1], line)) from None
    if element is None:
        raise ItemError(line, "mục rỗng")
    return element


def _parse(text, namespaces, parser):
    declarations = " ".join(
        f'xmlns{":" + prefix if prefix else ""}="{_attribute(uri)}"'
        for prefix, uri in namespaces.items()
    )
    root = etree.fromstring(f"<toasoan-chunk {declarations}>{text}</toasoan-chunk>", parser)
    return root[0] if len(root) else None


def _attribute(value):
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _first_error(error):
    """(line, message) of the error that stopped this parse. (Not `error.error_log`: it
    may hold errors of earlier parses with the same parser.)"""
    line = error.position[0] if error.position else 1
    message = re.sub(r", line \d+, column \d+$", "", getattr(error, "msg", "") or str(error))
    return line, message


_MESSAGES = [
    (
        r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)",
        lambda m, at: f"thẻ <{m[1]}> mở ở dòng {at(m[2])} nhưng lại gặp thẻ đóng </{m[3]}>",
    ),
    (
        r"Premature end of data in tag (\S+) line (\d+)",
        lambda m, at: f"thẻ <{m[1]}> mở ở dòng {at(m[2])} không được đóng",
    ),
    (r"Entity '([^']+)' not defined", lambda m, at: f"thực thể &{m[1]}; không được định nghĩa"),
    (
        r"xmlParseEntityRef: no name|EntityRef: expecting ';'",
        lambda m, at: "có ký tự & đứng riêng, chưa viết thành &amp;",
    ),
    (
        r"StartTag: invalid element name",
        lambda m, at: "sau dấu < không phải là tên thẻ hợp lệ",
    ),
    (
        r"Couldn't find end of Start Tag (\S+)",
        lambda m, at: f"thẻ <{m[1]}> thiếu dấu > kết thúc",
    ),
    (
        r"AttValue|attributes construct error|Specification mandates value",
        lambda m, at: "thuộc tính của thẻ viết sai (thiếu dấu ngoặc kép?)",
    ),
    (r"CData section not finished", lambda m, at: "đoạn CDATA không được đóng bằng ]]>"),
    (r"EndTag: '</' not found", lambda m, at: "thiếu thẻ đóng"),
    (
        r"Extra content at the end of the document",
        lambda m, at: "có nội dung thừa sau thẻ đóng của mục",
    ),
    (
        r"Namespace prefix (\S+) (?:on|for) (\S+) is not defined",
        lambda m, at: f"tiền tố không gian tên '{m[1]}' chưa được khai báo",
    ),
    (r"Char 0x|invalid Char value|xmlParseCharRef", lambda m, at: "có ký tự không hợp lệ"),
]


def _vietnamese(message, line):
    """libxml2's message in Vietnamese, its line numbers made the file's."""
    message = " ".join((message or "").split())

    def at(n):
        return line + int(n) - 1

    for pattern, say in _MESSAGES:
        match = re.search(pattern, message)
        if match:
            return say(match, at)
    return f"lỗi cú pháp XML ({message})"


# --- naming items in messages ---------------------------------------------------------

_TITLE = re.compile(
    r"<(?:atom:)?title\b[^>]*>\s*(?:<!\[CDATA\[(.*?)(?:\]\]>|$)|([^<]*))", re.S
)
UNTITLED = "(không có tiêu đề)"


def guess_title(text):
    """An item's title found by pattern, for naming an item that would not parse."""
    match = _TITLE.search(text[:65536])
    if not match:
        return ""
    if match.group(1) is not None:
        return " ".join(match.group(1).split())
    return " ".join(html.unescape(match.group(2)).split())


def where(name, line, title=""):
    """'tệp a.xml, dòng 120, mục 'Tiêu đề…'' (Problem.where)."""
    place = f"địa chỉ {name}" if is_url(name) else f"tệp {name}"
    text = f"{place}, dòng {line}"
    if title:
        short = title if len(title) <= 60 else title[:59].rstrip() + "…"
        text += f", mục '{short}'"
    return text


# --- the header -----------------------------------------------------------------------


class Head:
    """Feeds the header to an incremental parser, gathering the namespaces declared and
    handing each finished child of the root (depth 1) or of its `<channel>` (depth 2) to
    `on_element`, then dropping it: the header's memory stays flat too."""

    def __init__(self, on_element):
        self.parser = make_head_parser()
        self.on_element = on_element
        self.namespaces = {}
        self.depth = 0
        self.broken = False

    def feed(self, text):
        if self.broken or not text:
            return
        try:
            self.parser.feed(text)
            events = list(self.parser.read_events())
        except etree.XMLSyntaxError:
            self.broken = True
            return
        for event, obj in events:
            if event == "start-ns":
                prefix, uri = obj
                self.namespaces.setdefault(prefix or "", uri)
            elif event == "start":
                self.depth += 1
            elif event == "end":
                self.depth -= 1
                parent = obj.getparent()
                if parent is None or local(obj)[1] == "channel":
                    continue
                if self.depth == 1 or (self.depth == 2 and local(parent)[1] == "channel"):
                    self.on_element(obj, self.depth)
                    parent.remove(obj)


def local(element):
    """(namespace or "", local name) of an element or attribute name."""
    tag = element if isinstance(element, str) else element.tag
    return _split_tag(tag) if isinstance(tag, str) else ("", "")


@functools.lru_cache(maxsize=4096)
def _split_tag(tag):
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def text_of(element):
    """An element's whole text (CDATA included, as written), trimmed."""
    if element is None:
        return ""
    if len(element) == 0:
        return (element.text or "").strip()
    return "".join(element.itertext()).strip()


class SourceReader:
    """What the WordPress and feed readers share: opening the source, and turning
    anything that goes wrong into a Problem instead of an exception."""

    UNREADABLE = "Không đọc được: {error}."
    FAILED = "Lỗi không lường trước khi đọc tệp: {error!r}."

    def __init__(self, source, stats):
        self.source, self.name, self.stats = source, source_name(source), stats
        self.parser = make_parser()

    def problem(self, line, reason, title=""):
        self.stats["problems"] += 1
        return Problem(where(self.name, line, title), reason)

    def records(self):
        try:
            stream = open_source(self.source)
        except SourceError as error:
            yield self.problem(1, self.UNREADABLE.format(error=error))
            return
        with stream:
            try:
                yield from self._read(stream)
            except Exception as error:  # a bug here must not stop the whole import
                yield self.problem(1, self.FAILED.format(error=error) + (
                    " Hãy báo cho nhóm phát triển toasoan kèm tệp này."))

    def guarded(self, piece, read, *args):
        """The records `read(piece, *args)` makes of one item; a bug costs that item,
        not the import."""
        try:
            return list(read(piece, *args))
        except Exception as error:  # noqa: BLE001
            return [self.problem(
                piece.line,
                f"Lỗi không lường trước khi đọc mục này: {error!r}. Mục này không "
                "được nhập; các mục khác vẫn tiếp tục.",
                guess_title(piece.text),
            )]

    def _read(self, stream):
        raise NotImplementedError

