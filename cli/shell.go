package cli

func runShell(e *env, args []string) int {
	return fail(e, "shell", 1, errNotYet)
}
