"""The CLI's start-up path stays light: no geopandas, pandas, shapely or folium on import."""
from __future__ import annotations

import subprocess
import sys

HEAVY = ("geopandas", "pandas", "shapely", "folium", "pyarrow", "pyogrio")


def test_importing_the_cli_pulls_in_no_heavy_library():
    code = (
        "import sys, geo.cli; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
