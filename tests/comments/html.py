"""A small HTML tree from the standard library's parser, enough to look at pages as a
browser would: which elements and attributes exist, and what text they show."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag, attrs=(), parent=None):
        self.tag = tag
        self.attrs = {name: value or "" for name, value in attrs}
        self.attr_names = [name for name, _value in attrs]
        self.parent = parent
        self.children = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    def iter(self):
        """This node and its descendants, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(child for child in reversed(node.children) if isinstance(child, Node))

    def find_all(self, tag=None, **attrs):
        """Descendants (self included) with this tag and these attributes; `class_` matches
        one of the element's classes."""
        wanted_class = attrs.pop("class_", None)
        found = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if wanted_class is not None and wanted_class not in node.classes:
                continue
            if all(node.attrs.get(name) == value for name, value in attrs.items()):
                found.append(node)
        return found

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def by_id(self, element_id):
        return self.find(id=element_id)

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    @property
    def text(self):
        """The text shown, with `<br>` as a line break."""
        parts = []
        for child in self.children:
            if isinstance(child, Node):
                parts.append("\n" if child.tag == "br" else child.text)
            else:
                parts.append(child)
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:  # a stray end tag closes nothing
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
