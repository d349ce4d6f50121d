# case: -n still runs $(MAKE) lines so the sub-make prints its commands
# run: -n
all:
	@echo top command
	$(MAKE) -C sub
--- sub/Makefile
all:
	@echo sub command
	touch created
