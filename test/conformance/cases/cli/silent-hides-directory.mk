# case: -s hides the -C announcements
# run: -s -C sub
--- sub/Makefile
all:
	@echo in sub
