package loader

import (
	"path"
	"slices"
	"strings"
)

// pipelineOf names the pipeline a file belongs to from its folders alone, never from its content.
// rel is slash-separated and relative to the ingested root. Anything under a logs/ folder is a log
// (logs/modal/ holds progress logs, not modal results); otherwise the innermost recognised folder
// wins. Files outside those folders keep a name of their own: loose for files lying directly in a
// results/ folder, root for files at the root, else the name of their top folder.
func pipelineOf(rel string) string {
	dirs := strings.Split(path.Dir(rel), "/")
	if slices.Contains(dirs, "logs") {
		return "log"
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		switch d := dirs[i]; {
		case d == "modal":
			return "modal"
		case strings.HasPrefix(d, "separate_") || d == "separate":
			return "separate"
		case d == "docker":
			return "docker"
		case d == "reruns":
			return "rerun"
		}
	}
	switch {
	case dirs[0] == ".":
		return "root"
	case dirs[len(dirs)-1] == "results":
		return "loose"
	default:
		return dirs[0]
	}
}
