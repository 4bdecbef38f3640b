// Package export writes a dataset relation (dataset_v5 by default) the way a dataset hub expects
// it: one data file under data/ and a dataset card, README.md, beside it.
//
// An export works in four steps:
//
//  1. Read the relation's 76 columns, in the order and with the types of columns.csv (the same
//     names and types as loader/dataset_columns.csv, which a test checks), sorted by commit_hash,
//     agent_name, agent_model, data_source and then every other column, so the order is total.
//  2. Write data/train-00000-of-00001.<format> to a temporary file in data/ and rename it into
//     place. Parquet is written by DuckDB's COPY on one thread with fixed compression and row
//     group size; JSONL and CSV are written here, with floats in the shortest form that reads
//     back exactly, lists as JSON arrays and NULL as null (JSONL) or an empty cell (CSV).
//  3. Remove the data files of the other two formats, so that data/train-* names one format.
//  4. Render the dataset card from card.md.tmpl: YAML front matter with the features, the split's
//     num_examples and the data_files entry, summary tables from named queries, and each
//     column's definition from columns.csv.
//
// Nothing in the output depends on the clock, so the same database gives the same files.
package export
