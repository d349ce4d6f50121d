# case: -t with -s does not report
# run: -t -s
out:
	@echo making
