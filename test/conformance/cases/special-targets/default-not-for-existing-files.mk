# case: .DEFAULT is not used for existing prerequisite files
all: there missing
	@echo all
.DEFAULT:
	@echo 'default for $@'
--- there
