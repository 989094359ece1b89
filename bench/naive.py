"""The naive peer: what a first script would do, in one process.

Read every file, decode (UTF-8, else GB18030), OpenCC Traditional->Simplified, one regex pass for
number+unit mentions, a pandas frame, one DuckDB insert. No validation, no regions, no sections:
it is the floor the real flow is compared against per MB.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import duckdb
import opencc
import pandas as pd

FIGURE = re.compile(
    r"([\u4e00-\u9fff]{2,12}?)(?:增长|达到|完成)?(\d+(?:\.\d+)?)\s*(%|亿元|万元|万人|人|亿美元|万吨)"
)


def run(source: Path, db: Path) -> dict:
    start = time.perf_counter()
    cc = opencc.OpenCC("t2s")
    rows = []
    n_bytes = 0
    files = sorted(source.glob("*.txt"))
    for path in files:
        data = path.read_bytes()
        n_bytes += len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        text = cc.convert(text)
        for m in FIGURE.finditer(text):
            rows.append((path.name, m.group(1), float(m.group(2)), m.group(3)))
    frame = pd.DataFrame(rows, columns=["source_file", "subject", "value", "unit"])
    con = duckdb.connect(str(db))
    con.register("frame", frame)  # one insert of the whole frame
    con.execute("CREATE OR REPLACE TABLE facts AS SELECT * FROM frame")
    con.close()
    return {"docs": len(files), "bytes": n_bytes, "rows": len(rows), "seconds": time.perf_counter() - start}


if __name__ == "__main__":
    import json

    print(json.dumps(run(Path(sys.argv[1]), Path(sys.argv[2]))))
