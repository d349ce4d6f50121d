# case: a phony target runs even when a file of that name exists
.PHONY: clean
clean:
	@echo cleaning
--- clean
