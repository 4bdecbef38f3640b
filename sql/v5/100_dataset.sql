-- name: v5 placeholder
CREATE OR REPLACE VIEW dataset_v5 AS SELECT * FROM export_rows;
CREATE OR REPLACE VIEW dataset AS SELECT * FROM dataset_v5;
