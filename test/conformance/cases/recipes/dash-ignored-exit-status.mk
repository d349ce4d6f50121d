# case: - with a non-1 exit status
all:
	-@exit 7
	@echo continued
