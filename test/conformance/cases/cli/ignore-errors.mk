# case: -i ignores all recipe errors
# run: -i
all: bad
	@echo all done
bad:
	false
	@echo after false
