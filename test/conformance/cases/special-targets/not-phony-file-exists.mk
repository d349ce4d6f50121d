# case: without .PHONY an existing file is up to date
clean:
	@echo cleaning
--- clean
