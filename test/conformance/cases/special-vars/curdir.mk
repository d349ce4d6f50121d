# case: CURDIR is the working directory
all:
	@echo '$(CURDIR)'
	@test '$(CURDIR)' = "$$(pwd)" && echo same
