-- name: improvement_check
-- returns: every improvement stored in a flat export that differs by more than 0.01 percentage
-- points from improvement() over the row's own metrics ('own metrics') or from dataset's value for
-- the same commit and agent ('dataset'), or that has no counterpart (ours NULL); ordered by commit,
-- column, comparison and file
SELECT commit_short, agent_name, agent_model, column_name, compared_with, stored, ours, difference_pp, path, record
FROM improvement_check
ORDER BY commit_short, column_name, compared_with, path, record, agent_name NULLS FIRST, agent_model NULLS FIRST;
