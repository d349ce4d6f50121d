# case: an existing target without prerequisites is up to date
# run: out
# run:
out:
	@echo making out
--- out
