# case: the error message names the target and line
out.txt: in.txt
	@echo making $@
	@test -s $<
--- in.txt
