# case: a job's stdout and stderr keep their order when both go to one file
# sh: $MAKE -j4 > log 2>&1; cat log
a:
	@echo a-out1; sleep 0.1; echo a-err >&2; echo a-out2; echo a-err2 >&2
