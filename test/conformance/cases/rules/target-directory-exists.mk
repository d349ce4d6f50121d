# case: an existing directory target is up to date
dir:
	@echo making dir
--- dir/file
