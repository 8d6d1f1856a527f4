"""Steps across articles: near-duplicate articles and claims followed from article to article.

They read rows, never spaCy Docs: each article leaves a small sketch of its body in its part
(computed where the article is processed), and the final merge of the runner folds the rows of
the whole run into `duplicate_of`, `claim_id` and claims.csv. So they hold whatever the split
of the input, the number of workers, `--resume` or the engine.

- `text`: the normalisation both steps share (case, accents, quote marks, spaces folded).
- `duplicates`: shingled MinHash sketches of article bodies, grouped by LSH (datasketch).
- `claims`: attributions with the same speaker and near-identical content as one claim.
- `query`: `depeche claims`, what a speaker said about whom, in time order.
- `duckdb_export`: `depeche db`, the run's tables in one DuckDB file with ready views.
"""
