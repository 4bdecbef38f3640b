package loader

import (
	"fmt"
	"slices"
	"strings"
)

// newRun starts a run with the identity every format shares.
func newRun(s *source, record int, variant string) run {
	r := run{record: record, variant: variant}
	if variant == "agent" {
		r.agentName, r.agentModel = s.opts.AgentName, s.opts.AgentModel
	}
	return r
}

// finishRun recovers missing values from the raw log and appends the run.
func finishRun(r run, x *extraction) {
	recoverFromLog(&r)
	x.runs = append(x.runs, r)
}

// modalResult reads one modal result object (a benchmark_result.json's "result", or one entry of a
// progress log) into three runs and a commit row. instance may be nil.
func modalResult(s *source, record int, res, instance obj, at string, x *extraction) error {
	var full, short string
	identify(res, &full, &short)
	if instance != nil {
		identify(instance, &full, &short)
	}
	if full == "" && short == "" {
		return fmt.Errorf("%s: no commit hash (looked for %s)", at, strings.Join(commitKeys, ", "))
	}
	meta := commitMeta{record: record, commitHash: full, commitShort: short,
		subject:      firstText(instance, "commit_subject"),
		repo:         firstText(instance, "repo"),
		prURL:        firstText(instance, "pr_url"),
		filesChanged: textList(instance["files_changed"]),
		models:       textList(instance["models"]),
		parentCommit: strings.ToLower(firstText(res, "parent_commit")),
		perfCommand:  firstText(instance, "perf_command"),
		testScript:   firstText(instance, "test_script"),
		patchPath:    firstText(res, "patch_path"),
	}
	if meta.subject == "" {
		meta.subject = firstText(res, "subject")
	}
	if meta.perfCommand == "" {
		meta.perfCommand = firstText(res, "perf_command")
	}
	if b, ok := boolean(res["has_agent_patch"]); ok {
		meta.hasAgentPatch = &b
	}
	x.commits = append(x.commits, meta)
	for _, v := range variants {
		r := newRun(s, record, v)
		r.commitHash, r.commitShort = full, short
		r.parentCommit = meta.parentCommit
		r.status = firstText(res, "status")
		r.errText = firstText(res, "error")
		if v == "agent" {
			if e := firstText(res, "agent_error"); e != "" {
				r.errText = e
			}
		}
		r.benchmarkMode = firstText(res, "benchmark_mode")
		r.model = firstText(res, "model")
		r.gpuConfig = firstText(res, "gpu_config")
		r.perfCommand = meta.perfCommand
		r.timestamp = firstText(res, "timestamp")
		r.raw = text(res[v+"_raw"])
		r.contentSHA = checksum([]any{res[v+"_metrics"], res[v+"_raw"], res["status"]})
		if m := object(res[v+"_metrics"]); m != nil {
			collectMetrics(m, "", at+"."+v+"_metrics", &r, x)
		} else if res[v+"_metrics"] != nil {
			x.warn(at+"."+v+"_metrics", "%s where an object of metrics was expected", jsonType(res[v+"_metrics"]))
		}
		finishRun(r, x)
	}
	x.records++
	return nil
}

func extractModalResult(s *source, x *extraction) error {
	d := object(s.doc)
	return modalResult(s, 0, object(d["result"]), object(d["instance"]), "result", x)
}

// extractModalOld reads the earlier modal layout, where "patched" means the agent's patch and
// there is no human run.
func extractModalOld(s *source, x *extraction) error {
	d := object(s.doc)
	res, instance := object(d["result"]), object(d["instance"])
	translated := obj{}
	for k, v := range res {
		translated[k] = v
	}
	translated["agent_metrics"] = res["patched_metrics"]
	translated["error"] = res["error_message"]
	if _, ok := res["benchmark_mode"]; !ok {
		translated["benchmark_mode"] = res["benchmark_type"]
	}
	if err := modalResult(s, 0, translated, instance, "result", x); err != nil {
		return err
	}
	// Drop the human run the shared reader made: this layout never measured one.
	x.runs = slices.DeleteFunc(x.runs, func(r run) bool { return r.variant == "human" })
	return nil
}

func extractModalProgress(s *source, x *extraction) error {
	d := object(s.doc)
	for i, e := range d["results"].([]any) {
		at := fmt.Sprintf("results[%d]", i)
		res := object(e)
		if res == nil {
			x.warn(at, "%s where a result object was expected", jsonType(e))
			continue
		}
		if err := modalResult(s, i, res, object(res["instance"]), at, x); err != nil {
			// One unusable entry does not cost the log its other entries.
			x.warn(at, "%v", err)
		}
	}
	return nil
}

// variantOf tells a flat record's variant: from the file name, else from a benchmark_type that
// names a variant, else baseline for a docker-local rerun (that pipeline reruns baselines only).
func variantOf(s *source, d obj) (string, error) {
	if m := variantFile.FindStringSubmatch(s.base()); m != nil {
		return m[2], nil
	}
	for _, k := range []string{"variant", "version", "benchmark_type"} {
		if v := strings.ToLower(text(d[k])); slices.Contains(variants, v) {
			return v, nil
		}
	}
	if isDockerLocal(s) {
		return "baseline", nil
	}
	return "", fmt.Errorf("cannot tell the variant: the name is not <commit>_<variant>_result.json and no field names one")
}

// flatRun reads one flat variant record: metrics under "metrics" or at the top level.
func flatRun(s *source, record int, variant string, d obj, at string, x *extraction) run {
	r := newRun(s, record, variant)
	identify(d, &r.commitHash, &r.commitShort)
	r.parentCommit = strings.ToLower(firstText(d, "parent_commit", "parent_hash", "parent_short"))
	if n := firstText(d, "agent_name", "agent"); n != "" && variant == "agent" {
		r.agentName, r.agentModel = n, firstText(d, "agent_model")
	}
	r.status = firstText(d, "status")
	r.errText = firstText(d, "error", "error_message")
	r.benchmarkMode = firstText(d, "benchmark_mode", "benchmark_type")
	if slices.Contains(variants, strings.ToLower(r.benchmarkMode)) {
		r.benchmarkMode = ""
	}
	r.model = firstText(d, "model")
	r.gpuConfig = firstText(d, "gpu_config")
	r.perfCommand = firstText(d, "perf_command", "benchmark_command", "command")
	r.timestamp = firstText(d, "timestamp")
	r.raw = text(d["raw_output"])
	r.contentSHA = checksum(d)
	if m := object(d["metrics"]); m != nil {
		collectMetrics(m, "", at+".metrics", &r, x)
	}
	collectMetrics(d, "", at, &r, x)
	return r
}

func extractVariantRecord(s *source, x *extraction) error {
	d := object(s.doc)
	variant, err := variantOf(s, d)
	if err != nil {
		return err
	}
	r := flatRun(s, 0, variant, d, "$", x)
	if r.commitHash == "" && r.commitShort == "" {
		return fmt.Errorf("$: no commit hash (looked for %s)", strings.Join(commitKeys, ", "))
	}
	finishRun(r, x)
	x.records++
	return nil
}

// extractSkip keeps a run that did not happen as a fact: a run with status skipped and the reason.
func extractSkip(s *source, x *extraction) error {
	d := object(s.doc)
	variant, err := variantOf(s, d)
	if err != nil {
		return err
	}
	r := flatRun(s, 0, variant, d, "$", x)
	if r.commitHash == "" && r.commitShort == "" {
		return fmt.Errorf("$: no commit hash (looked for %s)", strings.Join(commitKeys, ", "))
	}
	r.status = "skipped"
	if reason := firstText(d, "skip_reason", "reason"); reason != "" {
		r.errText = reason
	}
	finishRun(r, x)
	x.records++
	return nil
}

// extractDockerRerun reads {commit, timestamp, results: {baseline|human|agent: record}}.
func extractDockerRerun(s *source, x *extraction) error {
	d := object(s.doc)
	results := object(d["results"])
	for _, v := range variants {
		rec := object(results[v])
		if rec == nil {
			continue
		}
		r := flatRun(s, 0, v, rec, "results."+v, x)
		identify(d, &r.commitHash, &r.commitShort)
		if r.timestamp == "" {
			r.timestamp = firstText(d, "timestamp")
		}
		if r.commitHash == "" && r.commitShort == "" {
			return fmt.Errorf("results.%s: no commit hash", v)
		}
		finishRun(r, x)
	}
	x.records++
	return nil
}

// extractRerun3Way reads a rerun script's file: commit fields at the top, one object per variant.
func extractRerun3Way(s *source, x *extraction) error {
	d := object(s.doc)
	for _, v := range variants {
		rec := object(d[v])
		if rec == nil {
			continue
		}
		r := flatRun(s, 0, v, rec, v, x)
		identify(d, &r.commitHash, &r.commitShort)
		if r.commitHash == "" && r.commitShort == "" {
			return fmt.Errorf("$: no commit hash (looked for %s)", strings.Join(commitKeys, ", "))
		}
		r.parentCommit = strings.ToLower(firstText(d, "parent_hash", "parent_commit"))
		r.model = firstText(d, "model")
		r.benchmarkMode = firstText(d, "benchmark_type")
		r.timestamp = firstText(d, "timestamp")
		r.perfCommand = firstText(d, "test_command")
		if v == "baseline" {
			r.perfCommand = firstText(d, "baseline_command", "test_command")
		}
		finishRun(r, x)
	}
	x.records++
	return nil
}

// extractHubRecords reads a list of flat records whose metric keys carry the variant as a prefix
// (agent_ttft_mean). Each variant prefix found in a record is one run.
func extractHubRecords(s *source, x *extraction) error {
	for i, e := range s.doc.([]any) {
		d := object(e)
		at := fmt.Sprintf("[%d]", i)
		for _, v := range variants {
			r := newRun(s, i, v)
			identify(d, &r.commitHash, &r.commitShort)
			if r.commitHash == "" && r.commitShort == "" {
				return fmt.Errorf("%s: no commit hash", at)
			}
			collectMetrics(d, v+"_", at, &r, x)
			if len(r.values) == 0 {
				continue
			}
			r.parentCommit = strings.ToLower(firstText(d, "parent_commit"))
			r.model = firstText(d, "model")
			r.benchmarkMode = firstText(d, "benchmark_mode")
			r.status = firstText(d, "status")
			if v == "agent" {
				if n := firstText(d, "agent_name", "agent"); n != "" {
					r.agentName, r.agentModel = n, firstText(d, "agent_model")
				}
			}
			r.contentSHA = checksum(d)
			finishRun(r, x)
		}
		x.records++
	}
	return nil
}
