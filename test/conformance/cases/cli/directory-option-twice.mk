# case: several -C options are relative to each other
# run: -C a -C b
--- a/b/Makefile
all:
	@echo in a/b
