"""Embedding data in a page's <script>: JSON that cannot close the script element."""
from __future__ import annotations

import json
from typing import Any

__all__ = ["js_json"]

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def js_json(value: Any) -> str:
    """JSON for inline JavaScript: ``</script>`` in input data stays inert text."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch, rep in _UNSAFE.items():
        text = text.replace(ch, rep)
    return text
