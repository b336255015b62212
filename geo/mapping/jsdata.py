"""Data in a page's <script>: JSON that cannot close the script element, put in raw.

folium renders an element's script macro and then compiles the result *again* as a Jinja
template (``branca.element.Element``), so data holding ``{{ … }}`` would be evaluated,
and a 100 MB script would be lexed for nothing.  :class:`ScriptElement` puts its script
in the page as it is, and :func:`js_json` also writes the ``{`` that opens a Jinja
delimiter as ``\\u007b`` for the elements that still go through a template.
"""
from __future__ import annotations

import json
import re
from typing import Any

from branca.element import Element, MacroElement

__all__ = ["js_json", "Raw", "ScriptElement"]

# Inside <script> only "</", "<!--" and "<script" can end or confuse the element (HTML's
# script data states); escaping just those keeps popup markup small ("<" is in every tag).
_SCRIPT_UNSAFE = re.compile(r"<(?=!--|script)", re.IGNORECASE)
_LINE_SEPARATORS = {"\u2028": "\\u2028", "\u2029": "\\u2029"}
# Outside strings JSON's "{" is followed by '"' or '}', so these only match inside strings.
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def js_json(value: Any) -> str:
    """JSON for inline JavaScript: ``</script>`` and ``{{`` in input data stay inert text."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch, rep in _LINE_SEPARATORS.items():
        text = text.replace(ch, rep)
    text = _SCRIPT_UNSAFE.sub(r"\\u003c", text.replace("</", "<\\/"))
    return _JINJA_OPEN.sub(r"\\u007b", text)


class Raw(Element):
    """Text put in the page as it is, never compiled as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class ScriptElement(MacroElement):
    """An element whose script is built in Python (:meth:`script_text`) and added raw."""

    def script_text(self) -> str:
        raise NotImplementedError

    def render(self, **kwargs: Any) -> None:
        self.get_root().script.add_child(Raw(f"\n{self.script_text()}\n"), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
