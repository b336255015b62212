"""The map's title: what the map shows, how many events, which dates, what is not drawn."""
from __future__ import annotations

from html import escape

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["Title"]


class Title(MacroElement):
    """A fixed box, top centre.  Events without a place are listed, not silently dropped."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .geo-title {position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1000;
    background: rgba(255,255,255,.94); padding: 6px 14px; border-radius: 4px; text-align: center;
    box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 13px/1.4 system-ui, sans-serif; max-width: 46%;}
  .geo-title h1 {font-size: 15px; margin: 0;}
  .geo-title details {text-align: left; font-size: 12px;}
  .geo-popup table {border-collapse: collapse;} .geo-popup th {text-align: left; padding-right: 8px; vertical-align: top;}
  .geo-disputed {background: #b71c1c; color: #fff; font-size: 10px; padding: 0 4px; border-radius: 3px;}
  .geo-disputed-block {border-left: 3px solid #b71c1c; padding-left: 6px; margin: 6px 0;}
  .geo-disputed-block ul {margin: 0; padding-left: 16px;}
  .geo-sources {padding-left: 18px; margin: 2px 0;} .geo-sources q {color: #444; font-style: italic;}
  .geo-doc, .geo-id {color: #777; font-size: 10px;} .geo-notes {color: #333; font-size: 11px;}
  .geo-marker {background: none; border: none;}
</style>
{% endmacro %}
{% macro html(this, kwargs) %}
<div class="geo-title">{{ this.body }}</div>
{% endmacro %}
""")

    def __init__(self, title: str, subtitle: str, unplaced: list[str]) -> None:
        super().__init__()
        self._name = "Title"
        body = f"<h1>{escape(title)}</h1><div>{escape(subtitle)}</div>"
        if unplaced:
            items = "".join(f"<li>{escape(u)}</li>" for u in unplaced)
            body += (f"<details><summary>{len(unplaced)} event(s) without a place, not drawn"
                     f"</summary><ul>{items}</ul></details>")
        # the html macro's output is compiled again by branca: keep "{{" of a title inert
        self.body = body.replace("{", "&#123;")
