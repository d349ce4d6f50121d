# case: --no-print-directory silences -C announcements
# run: --no-print-directory -C sub
--- sub/Makefile
all:
	@echo in sub
